import { Pool, type PoolClient, type QueryResultRow } from 'pg';
import { ValidationError } from '../../errors';
import type { Logger } from '../../logger';
import { storeInput } from '../store-input';
import type { Clock } from '../store';

/** A pooled connection or one inside a transaction. */
export type Queryable = Pick<PoolClient, 'query'>;

export interface PostgresDatabaseOptions {
  /** A `postgres://` URL. */
  connectionString: string;
  /** The schema holding Headroom's tables; the server's default search_path when absent. */
  schema?: string;
  /** Pool size per instance. */
  poolSize?: number;
  clock?: Clock;
}

/**
 * The connection pool shared by the modules of one `PostgresStore`, its transactions and the store's
 * clock. Every query helper runs on the pool unless given the client of a transaction.
 */
export class PostgresDatabase {
  readonly pool: Pool;
  /** The schema named in the options, already checked to be a plain identifier. */
  readonly schema: string | null;
  private readonly clock: Clock;

  constructor(options: PostgresDatabaseOptions, logger: Logger) {
    if (options.schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(options.schema)) {
      throw new ValidationError(`Not a usable schema name: ${options.schema}`);
    }
    this.schema = options.schema ?? null;
    this.pool = new Pool({
      connectionString: options.connectionString,
      max: options.poolSize ?? 10,
      application_name: 'headroom',
      ...(this.schema === null ? {} : { options: `-c search_path=${this.schema}` }),
    });
    this.clock = options.clock ?? (() => new Date());
    // An idle client losing its connection must not crash the process; the pool replaces it.
    this.pool.on('error', (error) => logger.warn('postgres idle client error', { error }));
  }

  /** The store clock's now, as a canonical ISO string. */
  now(): string {
    return storeInput.iso(this.clock(), 'clock');
  }

  /** Runs `work` on one connection between BEGIN and COMMIT; any throw rolls back. */
  async transaction<T>(work: (db: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch (rollbackError) {
        // The connection is unusable; destroy it rather than return it to the pool.
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      }
      throw error;
    } finally {
      client.release(broken);
    }
  }

  /** The first row `sql` returns, or null. */
  async one<R extends QueryResultRow>(sql: string, params: unknown[], db: Queryable = this.pool): Promise<R | null> {
    const { rows } = await db.query<R>(sql, params);
    return rows[0] ?? null;
  }

  /** Every row `sql` returns. */
  async all<R extends QueryResultRow>(sql: string, params: unknown[] = [], db: Queryable = this.pool): Promise<R[]> {
    return (await db.query<R>(sql, params)).rows;
  }

  /** Runs `sql`; true when it touched at least one row. */
  async changed(sql: string, params: unknown[], db: Queryable = this.pool): Promise<boolean> {
    const result = await db.query(sql, params);
    return (result.rowCount ?? 0) > 0;
  }

  async close(): Promise<void> {
    if (!this.pool.ended) {
      await this.pool.end();
    }
  }
}
