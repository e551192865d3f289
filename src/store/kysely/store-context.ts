import type { Kysely } from 'kysely';
import type { Database } from '../database';
import type { StoreDialect } from '../store-dialect';

/** What every module of the store shares: the database, its dialect's few differences and the store clock. */
export interface StoreContext {
  db: Kysely<Database>;
  dialect: StoreDialect;
  /** The store clock's now, as a canonical ISO string. */
  now(): string;
}
