import { Migrator, type Kysely } from 'kysely';
import { HeadroomError } from '../../errors';
import type { MigrationResult } from '../store';
import { STORE_MIGRATIONS, StoreMigrationProvider } from './store-migrations';

/**
 * Runs Kysely's `Migrator` up to the latest step and reports the versions it applied. The caller has
 * begun a transaction on `db`'s one connection, holds the database-wide migration lock in it, and has
 * run `prepareMigrationTables`: the steps run inside that transaction, so they commit or fail together.
 */
export async function runMigrator(db: Kysely<unknown>, dialect: 'sqlite' | 'postgres', migrationTableSchema?: string): Promise<MigrationResult> {
  const migrator = new Migrator({ db, provider: new StoreMigrationProvider(dialect), migrationTableSchema, disableTransactions: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    throw error instanceof Error ? error : new HeadroomError(`Store migration failed: ${String(error)}`);
  }
  const applied = (results ?? [])
    .filter((r) => r.status === 'Success' && r.direction === 'Up')
    .map((r) => STORE_MIGRATIONS.find((m) => m.name === r.migrationName)?.version ?? 0);
  return { applied, version: Math.max(0, ...STORE_MIGRATIONS.map((m) => m.version)) };
}
