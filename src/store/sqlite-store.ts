import { silentLogger, type Logger } from '../logger';
import { ComposedStore } from './composed-store';
import { sqliteMigrations, type SqliteMigration } from './sqlite-migrations';
import { SqliteAlerts } from './sqlite/sqlite-alerts';
import { SqliteConversations } from './sqlite/sqlite-conversations';
import { SqliteDatabase } from './sqlite/sqlite-database';
import { SqliteHistory } from './sqlite/sqlite-history';
import { SqliteHolds } from './sqlite/sqlite-holds';
import { SqliteLease } from './sqlite/sqlite-lease';
import { SqliteLifecycle } from './sqlite/sqlite-lifecycle';
import { SqliteOutbox } from './sqlite/sqlite-outbox';
import { SqliteSettings } from './sqlite/sqlite-settings';
import { SqliteSuggestionChanges } from './sqlite/sqlite-suggestion-changes';
import { SqliteSuggestions } from './sqlite/sqlite-suggestions';
import { SqliteWatchedPlaces } from './sqlite/sqlite-watched-places';
import type { Clock } from './store';

export interface SqliteStoreOptions {
  /** A file path (its directory is created) or `:memory:`. */
  filename: string;
  clock?: Clock;
  logger?: Logger;
  /** How long a writer waits for another connection's write lock. */
  busyTimeoutMs?: number;
  /** Overrides the schema; tests only. */
  migrations?: readonly SqliteMigration[];
}

/**
 * The default store: one SQLite file in WAL mode. better-sqlite3 is synchronous, so every write is one
 * `BEGIN IMMEDIATE` transaction that runs to completion before the method returns; several processes
 * (or several stores in one process) sharing the file serialise on SQLite's write lock.
 * Each concern lives in its own module under `sqlite/`; they share one connection and statement cache.
 */
export class SqliteStore extends ComposedStore {
  constructor(options: SqliteStoreOptions) {
    const db = new SqliteDatabase(options);
    super({
      lifecycle: new SqliteLifecycle(db, options.logger ?? silentLogger, options.migrations ?? sqliteMigrations),
      conversations: new SqliteConversations(db),
      watchedPlaces: new SqliteWatchedPlaces(db),
      settings: new SqliteSettings(db),
      history: new SqliteHistory(db),
      alerts: new SqliteAlerts(db),
      outbox: new SqliteOutbox(db),
      holds: new SqliteHolds(db),
      suggestions: new SqliteSuggestions(db),
      suggestionChanges: new SqliteSuggestionChanges(db),
      lease: new SqliteLease(db),
    });
  }
}
