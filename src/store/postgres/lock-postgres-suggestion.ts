import { NotFoundError } from '../../errors';
import { readSuggestion, type SuggestionRow } from '../records/suggestion-row';
import type { Suggestion } from '../store';
import { postgresColumns, type PostgresColumnTypes } from './postgres-columns';
import type { PostgresDatabase, Queryable } from './postgres-database';

/**
 * Reads a suggestion FOR UPDATE inside the caller's transaction: a concurrent change waits here until
 * this transaction ends, and then sees its outcome. `NotFoundError` when there is none.
 */
export async function lockPostgresSuggestion(db: PostgresDatabase, client: Queryable, id: string): Promise<Suggestion> {
  const row = await db.one<SuggestionRow<PostgresColumnTypes>>('SELECT * FROM suggestions WHERE id = $1 FOR UPDATE', [id], client);
  if (row === null) {
    throw new NotFoundError(`No reservation suggestion ${id}`);
  }
  return readSuggestion(row, postgresColumns);
}
