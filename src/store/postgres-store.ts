import { silentLogger, type Logger } from '../logger';
import { ComposedStore } from './composed-store';
import { postgresMigrations, type PostgresMigration } from './postgres-migrations';
import { PostgresAlerts } from './postgres/postgres-alerts';
import { PostgresConversations } from './postgres/postgres-conversations';
import { PostgresDatabase } from './postgres/postgres-database';
import { PostgresHistory } from './postgres/postgres-history';
import { PostgresHolds } from './postgres/postgres-holds';
import { PostgresLease } from './postgres/postgres-lease';
import { PostgresLifecycle } from './postgres/postgres-lifecycle';
import { PostgresOutbox } from './postgres/postgres-outbox';
import { PostgresSettings } from './postgres/postgres-settings';
import { PostgresSuggestionChanges } from './postgres/postgres-suggestion-changes';
import { PostgresSuggestions } from './postgres/postgres-suggestions';
import { PostgresWatchedPlaces } from './postgres/postgres-watched-places';
import type { Clock } from './store';

export interface PostgresStoreOptions {
  /** A `postgres://` URL. */
  connectionString: string;
  /** The schema holding Headroom's tables (created by `migrate`); the server's default search_path when absent. */
  schema?: string;
  /** Pool size per instance. */
  poolSize?: number;
  clock?: Clock;
  logger?: Logger;
  /** Overrides the schema; tests only. */
  migrations?: readonly PostgresMigration[];
}

/**
 * The scale-out store: several Headroom instances share one PostgreSQL database. Conditional writes
 * are single transactions: seat holds serialise per SKU on an advisory lock, outbox claims use
 * `FOR UPDATE SKIP LOCKED`, suggestion transitions lock the row, alert commits compare versions.
 * Each concern lives in its own module under `postgres/`; they share one connection pool.
 */
export class PostgresStore extends ComposedStore {
  constructor(options: PostgresStoreOptions) {
    const logger = options.logger ?? silentLogger;
    const db = new PostgresDatabase(options, logger);
    super({
      lifecycle: new PostgresLifecycle(db, logger, options.migrations ?? postgresMigrations),
      conversations: new PostgresConversations(db),
      watchedPlaces: new PostgresWatchedPlaces(db),
      settings: new PostgresSettings(db),
      history: new PostgresHistory(db),
      alerts: new PostgresAlerts(db),
      outbox: new PostgresOutbox(db),
      holds: new PostgresHolds(db),
      suggestions: new PostgresSuggestions(db),
      suggestionChanges: new PostgresSuggestionChanges(db),
      lease: new PostgresLease(db),
    });
  }
}
