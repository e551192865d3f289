import { join } from 'node:path';
import type { Logger } from '../logger';
import type { Clock, Store } from './store';

export interface StoreSettings {
  /** A PostgreSQL URL; when set, the scale-out store is used. */
  databaseUrl: string | null;
  /** Where the SQLite file `headroom.sqlite` lives when no database URL is set. */
  dataDir: string;
  clock?: Clock;
}

/**
 * Opens the store the configuration asks for (PostgreSQL when `databaseUrl` is set, else SQLite in
 * `dataDir`) and brings its schema up to date before returning it.
 */
export async function createStore(settings: StoreSettings, logger: Logger): Promise<Store> {
  // Each store loads its driver only when chosen: a SQLite deployment never loads `pg`, and back.
  const postgres = settings.databaseUrl !== null && settings.databaseUrl !== '';
  const store: Store = postgres
    ? new (await import('./postgres-store')).PostgresStore({ connectionString: settings.databaseUrl ?? '', clock: settings.clock, logger })
    : new (await import('./sqlite-store')).SqliteStore({ filename: join(settings.dataDir, 'headroom.sqlite'), clock: settings.clock });
  try {
    const result = await store.migrate();
    logger.info('store ready', {
      store: postgres ? 'postgres' : 'sqlite',
      schemaVersion: result.version,
      applied: result.applied,
    });
    return store;
  } catch (error) {
    await store.close();
    throw error;
  }
}
