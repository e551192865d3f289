import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { SqliteDialect } from 'kysely';
import { KyselyStore } from './kysely-store';
import { cachedStatements } from './sqlite/cached-statements';
import { SqliteStoreDialect } from './sqlite/sqlite-store-dialect';
import { SqliteValuesPlugin } from './sqlite/sqlite-values-plugin';
import type { Clock } from './store';

export interface SqliteStoreOptions {
  /** A file path (its directory is created) or `:memory:`. */
  filename: string;
  clock?: Clock;
  /** How long a writer waits for another connection's write lock. */
  busyTimeoutMs?: number;
}

/**
 * The default store: one SQLite file in WAL mode, on one better-sqlite3 connection per store. Several
 * processes (or several stores in one process) sharing the file serialise their writes on SQLite's
 * write lock (see `SqliteStoreDialect`).
 */
export class SqliteStore extends KyselyStore {
  constructor(options: SqliteStoreOptions) {
    if (options.filename !== ':memory:') {
      mkdirSync(dirname(options.filename), { recursive: true });
    }
    const busyTimeoutMs = Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000));
    const connection = new BetterSqlite3(options.filename);
    // Opening may wait for another connection switching the file to WAL; nothing else runs yet.
    connection.pragma(`busy_timeout = ${busyTimeoutMs}`);
    connection.pragma('journal_mode = WAL');
    connection.pragma('synchronous = NORMAL');
    connection.pragma('foreign_keys = ON');
    // From now on writers wait for the lock without blocking the thread (see SqliteStoreDialect);
    // readers do not wait in WAL mode.
    connection.pragma('busy_timeout = 0');
    super({
      dialect: new SqliteDialect({ database: cachedStatements(connection) }),
      storeDialect: new SqliteStoreDialect(busyTimeoutMs),
      plugins: [new SqliteValuesPlugin()],
      clock: options.clock,
    });
  }
}
