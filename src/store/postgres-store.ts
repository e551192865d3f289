import { PostgresDialect } from 'kysely';
import { silentLogger, type Logger } from '../logger';
import { KyselyStore } from './kysely-store';
import { createPostgresPool, type PostgresPoolOptions } from './postgres/postgres-pool';
import { PostgresStoreDialect } from './postgres/postgres-store-dialect';
import type { Clock } from './store';

export interface PostgresStoreOptions extends PostgresPoolOptions {
  clock?: Clock;
  logger?: Logger;
}

/**
 * The scale-out store: several Headroom instances share one PostgreSQL database. Conditional writes
 * are single transactions: seat holds serialise per SKU on an advisory lock, outbox claims use
 * `FOR UPDATE SKIP LOCKED`, suggestion changes lock the row, alert commits compare versions.
 */
export class PostgresStore extends KyselyStore {
  constructor(options: PostgresStoreOptions) {
    const pool = createPostgresPool(options, options.logger ?? silentLogger);
    super({
      dialect: new PostgresDialect({ pool }),
      storeDialect: new PostgresStoreDialect(options.schema ?? null),
      clock: options.clock,
    });
  }
}
