import type { Kysely } from 'kysely';

/** One step of the schema, as a TypeScript module. Steps only grow; an applied step is never edited. */
export interface StoreMigration {
  /** Applies the step. Most steps are one query for both dialects; `dialect` is there for those that are not. */
  up(db: Kysely<unknown>, dialect: 'sqlite' | 'postgres'): Promise<void>;
}
