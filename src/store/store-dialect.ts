import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Database } from './database';
import type { MigrationResult } from './store';

/**
 * What differs between SQLite and PostgreSQL, kept to a few named operations. Everything else in
 * `kysely/` is one query for both.
 */
export interface StoreDialect {
  readonly name: 'sqlite' | 'postgres';
  /**
   * Runs `work` in one write transaction and commits it; any throw rolls it back. SQLite takes the
   * database's write lock first (`BEGIN IMMEDIATE`), so writers serialise; PostgreSQL starts a plain
   * transaction and relies on `serialise` and `lockRows` where a decision depends on what was read.
   */
  write<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T>;
  /** Inside `write`: makes writers that name the same keys wait for each other until commit. */
  serialise(trx: Kysely<Database>, ...keys: string[]): Promise<void>;
  /** Inside `write`: locks the rows a query selects until commit. */
  lockRows<TB extends keyof Database, O>(query: SelectQueryBuilder<Database, TB, O>): SelectQueryBuilder<Database, TB, O>;
  /** Inside `write`: locks the rows a query selects, passing over rows another transaction holds. */
  claimRows<TB extends keyof Database, O>(query: SelectQueryBuilder<Database, TB, O>): SelectQueryBuilder<Database, TB, O>;
  /** Brings the schema up to date under a database-wide lock. */
  migrate(db: Kysely<Database>): Promise<MigrationResult>;
}
