import {
  OperationNodeTransformer,
  PrimitiveValueListNode,
  ValueNode,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';
import { FLAG_COLUMNS, JSON_COLUMNS } from '../database';

/** Binds booleans as 0/1: better-sqlite3 binds only numbers, strings, bigints, buffers and null. */
class BooleansAsIntegers extends OperationNodeTransformer {
  protected override transformValue(node: ValueNode): ValueNode {
    return typeof node.value === 'boolean' ? ValueNode.create(node.value ? 1 : 0) : super.transformValue(node);
  }

  protected override transformPrimitiveValueList(node: PrimitiveValueListNode): PrimitiveValueListNode {
    return PrimitiveValueListNode.create(node.values.map((v) => (typeof v === 'boolean' ? (v ? 1 : 0) : v)));
  }
}

/**
 * SQLite's column types, made to look like PostgreSQL's: booleans go in as 0/1 and flag columns come back
 * as booleans; JSON columns (kept as text) come back parsed. Runs after the `CamelCasePlugin`, so it sees
 * camelCase names.
 */
export class SqliteValuesPlugin implements KyselyPlugin {
  private readonly booleans = new BooleansAsIntegers();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.booleans.transformNode(args.node);
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const { result } = args;
    if (result.rows.length === 0) {
      return result;
    }
    return { ...result, rows: result.rows.map(readRow) };
  }
}

function readRow(row: UnknownRow): UnknownRow {
  let copy: UnknownRow | undefined;
  for (const key of Object.keys(row)) {
    const value = row[key];
    if (JSON_COLUMNS.has(key) && typeof value === 'string') {
      copy ??= { ...row };
      copy[key] = JSON.parse(value) as unknown;
    } else if (FLAG_COLUMNS.has(key) && typeof value === 'number') {
      copy ??= { ...row };
      copy[key] = value === 1;
    }
  }
  return copy ?? row;
}
