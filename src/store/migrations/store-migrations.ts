import type { Migration, MigrationProvider } from 'kysely';
import { initialSchema } from './0001-initial-schema';
import { retireSchemaMigrations } from './0002-retire-schema-migrations';
import { suggestionCardOutboxKind } from './0003-suggestion-card-outbox-kind';
import { reclaimScans } from './0004-reclaim-scans';
import type { StoreMigration } from './store-migration';

/**
 * Every schema step, oldest first. The name's number is the schema version; Kysely's `Migrator` runs
 * them in name order and records each name in `kysely_migration`.
 */
export const STORE_MIGRATIONS: readonly { version: number; name: string; migration: StoreMigration }[] = [
  { version: 1, name: '0001-initial-schema', migration: initialSchema },
  { version: 2, name: '0002-retire-schema-migrations', migration: retireSchemaMigrations },
  { version: 3, name: '0003-suggestion-card-outbox-kind', migration: suggestionCardOutboxKind },
  { version: 4, name: '0004-reclaim-scans', migration: reclaimScans },
];

/** Hands Kysely's `Migrator` the steps above, bound to one dialect. */
export class StoreMigrationProvider implements MigrationProvider {
  constructor(
    private readonly dialect: 'sqlite' | 'postgres',
    private readonly migrations: typeof STORE_MIGRATIONS = STORE_MIGRATIONS,
  ) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const dialect = this.dialect;
    return Object.fromEntries(this.migrations.map((m) => [m.name, { up: (db) => m.migration.up(db, dialect) } satisfies Migration]));
  }
}
