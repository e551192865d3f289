import type { Logger } from '../../logger';
import type { SqliteMigration } from '../sqlite-migrations';
import { pendingMigrations } from '../pending-migrations';
import type { MigrationResult } from '../store';
import type { LifecyclePart } from '../store-parts';
import type { SqliteDatabase } from './sqlite-database';

/** Schema migrations and closing the file. */
export class SqliteLifecycle implements LifecyclePart {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly logger: Logger,
    private readonly migrations: readonly SqliteMigration[],
  ) {}

  async migrate(): Promise<MigrationResult> {
    return this.db.write(() => {
      this.db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
      const done = new Set(this.db.all<{ version: number }>('SELECT version FROM schema_migrations').map((r) => r.version));
      const applied: number[] = [];
      for (const migration of pendingMigrations(this.migrations, done)) {
        this.db.exec(migration.sql);
        this.db.changed('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', migration.version, migration.name, this.db.now());
        applied.push(migration.version);
        this.logger.info('store migration applied', { store: 'sqlite', version: migration.version, name: migration.name });
      }
      const row = this.db.get<{ version: number | null }>('SELECT MAX(version) AS version FROM schema_migrations');
      return { applied, version: row?.version ?? 0 };
    });
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
