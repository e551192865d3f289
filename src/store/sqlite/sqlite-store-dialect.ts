import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../database';
import { prepareMigrationTables } from '../migrations/prepare-migration-tables';
import { runMigrator } from '../migrations/run-migrator';
import type { MigrationResult } from '../store';
import type { StoreDialect } from '../store-dialect';

/**
 * SQLite's side of the store. One connection per store, so the in-process order is Kysely's connection
 * mutex; between connections (other stores, threads or processes on the file) every write is one
 * `BEGIN IMMEDIATE` transaction, which takes the file's write lock before reading anything. Taking the
 * lock never blocks the thread: the connection's busy timeout is 0, and a busy lock is retried after a
 * short, growing pause, so a transaction another store of this thread holds can finish meanwhile.
 */
export class SqliteStoreDialect implements StoreDialect {
  readonly name = 'sqlite';

  /** @param busyTimeoutMs how long a writer waits for another connection's write lock. */
  constructor(private readonly busyTimeoutMs: number) {}

  async write<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
    return db.connection().execute(async (conn) => {
      await this.beginImmediate(conn);
      try {
        const result = await work(conn);
        await sql`COMMIT`.execute(conn);
        return result;
      } catch (error) {
        await sql`ROLLBACK`.execute(conn).catch(() => undefined);
        throw error;
      }
    });
  }

  async serialise(): Promise<void> {
    // The write lock `write` took already serialises every writer.
  }

  lockRows<TB extends keyof Database, O>(query: SelectQueryBuilder<Database, TB, O>): SelectQueryBuilder<Database, TB, O> {
    return query;
  }

  claimRows<TB extends keyof Database, O>(query: SelectQueryBuilder<Database, TB, O>): SelectQueryBuilder<Database, TB, O> {
    return query;
  }

  async migrate(db: Kysely<Database>): Promise<MigrationResult> {
    return this.write(db, async (trx) => {
      const plain = trx.withoutPlugins() as unknown as Kysely<unknown>;
      const legacy = await sql<{ n: number }>`SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`.execute(plain);
      await prepareMigrationTables(plain, (legacy.rows[0]?.n ?? 0) > 0);
      return runMigrator(plain, 'sqlite');
    });
  }

  private async beginImmediate(conn: Kysely<Database>): Promise<void> {
    const deadline = Date.now() + this.busyTimeoutMs;
    for (let pause = 1; ; pause = Math.min(pause * 2, 25)) {
      try {
        await sql`BEGIN IMMEDIATE`.execute(conn);
        return;
      } catch (error) {
        if (!isBusy(error) || Date.now() >= deadline) {
          throw error;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}

function isBusy(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT' || code === 'SQLITE_LOCKED';
}
