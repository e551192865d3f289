import { sql, type Kysely } from 'kysely';
import type { StoreMigration } from './store-migration';

/**
 * Drops the migrations table of the store before Kysely: by the time this runs, its rows have been
 * copied into Kysely's `kysely_migration` (see `prepareMigrationTables`), so one table tracks the schema.
 */
export const retireSchemaMigrations: StoreMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`DROP TABLE IF EXISTS schema_migrations`.execute(db);
  },
};
