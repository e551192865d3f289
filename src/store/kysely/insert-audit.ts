import type { Kysely } from 'kysely';
import type { SuggestionAuditEntry } from '../../reservations/suggestion';
import type { Database } from '../database';

/** Appends one row to a suggestion's audit trail, inside the caller's transaction. */
export async function insertAudit(trx: Kysely<Database>, entry: Omit<SuggestionAuditEntry, 'id'>): Promise<void> {
  await trx.insertInto('suggestionAudit').values(entry).execute();
}
