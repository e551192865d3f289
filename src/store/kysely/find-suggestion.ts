import type { Kysely } from 'kysely';
import { NotFoundError } from '../../errors';
import type { Suggestion } from '../../reservations/suggestion';
import type { Database } from '../database';
import type { StoreDialect } from '../store-dialect';

/**
 * The suggestion with `id`, or a `NotFoundError`. With `lock`, inside a write transaction, the row stays
 * locked until commit: a concurrent change waits, and then sees this one's outcome.
 */
export async function findSuggestion(trx: Kysely<Database>, id: string, lock?: StoreDialect): Promise<Suggestion> {
  const query = trx.selectFrom('suggestions').selectAll().where('id', '=', id);
  const row = await (lock === undefined ? query : lock.lockRows(query)).executeTakeFirst();
  if (row === undefined) {
    throw new NotFoundError(`No reservation suggestion ${id}`);
  }
  return row;
}
