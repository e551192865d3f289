import { Pool, types, type CustomTypesConfig } from 'pg';
import { ValidationError } from '../../errors';
import type { Logger } from '../../logger';

/**
 * Column parsers that make PostgreSQL's rows look like the store's records: timestamptz as an ISO-8601
 * UTC string (not a `Date`), and BIGINT (identity ids, SUMs, COUNTs) as a number.
 */
const storeTypes: CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === types.builtins.TIMESTAMPTZ) {
      const parseDate = types.getTypeParser(types.builtins.TIMESTAMPTZ);
      return (value: string) => (parseDate(value) as Date).toISOString();
    }
    if (oid === types.builtins.INT8) {
      return (value: string) => Number(value);
    }
    return format === 'binary' ? types.getTypeParser(oid, 'binary') : types.getTypeParser(oid);
  }) as CustomTypesConfig['getTypeParser'],
};

export interface PostgresPoolOptions {
  /** A `postgres://` URL. */
  connectionString: string;
  /** The schema holding Headroom's tables; the server's default search_path when absent. */
  schema?: string;
  /** Pool size per instance. */
  poolSize?: number;
}

/** The connection pool of one store, with the store's type parsers and, if named, its schema. */
export function createPostgresPool(options: PostgresPoolOptions, logger: Logger): Pool {
  if (options.schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(options.schema)) {
    throw new ValidationError(`Not a usable schema name: ${options.schema}`);
  }
  const pool = new Pool({
    connectionString: options.connectionString,
    max: options.poolSize ?? 10,
    application_name: 'headroom',
    types: storeTypes,
    ...(options.schema === undefined ? {} : { options: `-c search_path=${options.schema}` }),
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', (error) => logger.warn('postgres idle client error', { error }));
  return pool;
}
