import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../database';
import { prepareMigrationTables } from '../migrations/prepare-migration-tables';
import { runMigrator } from '../migrations/run-migrator';
import type { MigrationResult } from '../store';
import type { StoreDialect } from '../store-dialect';

/**
 * PostgreSQL's side of the store: plain transactions, transaction-scoped advisory locks
 * (`pg_advisory_xact_lock`) to serialise writers of one key, `FOR UPDATE` row locks, and
 * `FOR UPDATE SKIP LOCKED` for outbox claims.
 */
export class PostgresStoreDialect implements StoreDialect {
  readonly name = 'postgres';

  /** @param schema the schema holding the tables (created by `migrate`); the server's search_path when null. */
  constructor(private readonly schema: string | null) {}

  async write<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
    return db.transaction().execute(work);
  }

  async serialise(trx: Kysely<Database>, ...keys: string[]): Promise<void> {
    const [first = '', second] = keys;
    if (second === undefined) {
      await sql`SELECT pg_advisory_xact_lock(hashtext(${first}))`.execute(trx);
    } else {
      await sql`SELECT pg_advisory_xact_lock(hashtext(${first}), hashtext(${second}))`.execute(trx);
    }
  }

  lockRows<TB extends keyof Database, O>(query: SelectQueryBuilder<Database, TB, O>): SelectQueryBuilder<Database, TB, O> {
    return query.forUpdate();
  }

  claimRows<TB extends keyof Database, O>(query: SelectQueryBuilder<Database, TB, O>): SelectQueryBuilder<Database, TB, O> {
    return query.forUpdate().skipLocked();
  }

  async migrate(db: Kysely<Database>): Promise<MigrationResult> {
    const plain = db.withoutPlugins() as unknown as Kysely<unknown>;
    // One transaction on one connection, under one lock: instances starting together wait here while one
    // makes the schema and Kysely's tables, adopts an old `schema_migrations`, and runs every step.
    return plain.connection().execute(async (conn) => {
      await sql`BEGIN`.execute(conn);
      try {
        await sql`SELECT pg_advisory_xact_lock(hashtext('headroom:migrate'))`.execute(conn);
        if (this.schema !== null) {
          await sql`CREATE SCHEMA IF NOT EXISTS ${sql.id(this.schema)}`.execute(conn);
        }
        const current = await sql<{ name: string }>`SELECT current_schema() AS name`.execute(conn);
        const legacy = await sql<{ present: boolean }>`SELECT to_regclass('schema_migrations') IS NOT NULL AS present`.execute(conn);
        await prepareMigrationTables(conn, legacy.rows[0]?.present === true);
        const result = await runMigrator(conn, 'postgres', current.rows[0]?.name ?? 'public');
        await sql`COMMIT`.execute(conn);
        return result;
      } catch (error) {
        await sql`ROLLBACK`.execute(conn).catch(() => undefined);
        throw error;
      }
    });
  }

}
