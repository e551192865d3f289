import type { Logger } from '../../logger';
import type { PostgresMigration } from '../postgres-migrations';
import { pendingMigrations } from '../pending-migrations';
import type { MigrationResult } from '../store';
import type { LifecyclePart } from '../store-parts';
import { ADVISORY_LOCK } from './advisory-lock';
import type { PostgresDatabase } from './postgres-database';

/** Schema migrations under a database-wide lock, and closing the pool. */
export class PostgresLifecycle implements LifecyclePart {
  constructor(
    private readonly db: PostgresDatabase,
    private readonly logger: Logger,
    private readonly migrations: readonly PostgresMigration[],
  ) {}

  async migrate(): Promise<MigrationResult> {
    return this.db.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [ADVISORY_LOCK.migrate]);
      if (this.db.schema !== null) {
        await client.query(`CREATE SCHEMA IF NOT EXISTS ${this.db.schema}`);
      }
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)`);
      const done = new Set((await this.db.all<{ version: number }>('SELECT version FROM schema_migrations', [], client)).map((r) => r.version));
      const applied: number[] = [];
      for (const migration of pendingMigrations(this.migrations, done)) {
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [migration.version, migration.name, this.db.now()]);
        applied.push(migration.version);
        this.logger.info('store migration applied', { store: 'postgres', version: migration.version, name: migration.name });
      }
      const row = await this.db.one<{ version: number | null }>('SELECT MAX(version) AS version FROM schema_migrations', [], client);
      return { applied, version: row?.version ?? 0 };
    });
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}
