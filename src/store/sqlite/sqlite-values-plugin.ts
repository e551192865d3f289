import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { FLAG_COLUMNS, JSON_COLUMNS } from '../database';

/**
 * SQLite's column values, made to look like PostgreSQL's: flag columns (0/1) come back as booleans and
 * JSON columns (kept as text) come back parsed. Runs after the `CamelCasePlugin`, so it sees camelCase
 * names. (Booleans going in are bound as 0/1 by `cachedStatements`.)
 */
export class SqliteValuesPlugin implements KyselyPlugin {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
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
