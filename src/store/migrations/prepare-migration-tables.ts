import { DEFAULT_MIGRATION_LOCK_TABLE, DEFAULT_MIGRATION_TABLE, MIGRATION_LOCK_ID, sql, type Kysely } from 'kysely';
import { STORE_MIGRATIONS } from './store-migrations';

/** The tables of Kysely's migrator, as it would make them. */
interface MigratorTables {
  [DEFAULT_MIGRATION_TABLE]: { name: string; timestamp: string };
  [DEFAULT_MIGRATION_LOCK_TABLE]: { id: string; is_locked: number };
}

/**
 * Run under the migration lock, before Kysely's `Migrator`: creates its tables, and when the database
 * was made by the store before Kysely (`legacy`: it has a `schema_migrations` table of versions), records
 * those versions as applied under their migration names, so the upgrade runs only the newer steps.
 */
export async function prepareMigrationTables(db: Kysely<unknown>, legacy: boolean): Promise<void> {
  const migrator = db as unknown as Kysely<MigratorTables>;
  await migrator.schema
    .createTable(DEFAULT_MIGRATION_TABLE)
    .ifNotExists()
    .addColumn('name', 'varchar(255)', (col) => col.notNull().primaryKey())
    .addColumn('timestamp', 'varchar(255)', (col) => col.notNull())
    .execute();
  await migrator.schema
    .createTable(DEFAULT_MIGRATION_LOCK_TABLE)
    .ifNotExists()
    .addColumn('id', 'varchar(255)', (col) => col.notNull().primaryKey())
    .addColumn('is_locked', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
  await migrator
    .insertInto(DEFAULT_MIGRATION_LOCK_TABLE)
    .values({ id: MIGRATION_LOCK_ID, is_locked: 0 })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  if (!legacy) {
    return;
  }
  const { rows } = await sql<{ version: number; applied_at: string | Date }>`SELECT version, applied_at FROM schema_migrations`.execute(db);
  for (const row of rows) {
    const step = STORE_MIGRATIONS.find((m) => m.version === Number(row.version));
    if (step === undefined) {
      continue;
    }
    const at = row.applied_at instanceof Date ? row.applied_at.toISOString() : String(row.applied_at);
    await migrator
      .insertInto(DEFAULT_MIGRATION_TABLE)
      .values({ name: step.name, timestamp: at })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
  }
}
