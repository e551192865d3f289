import type { Kysely } from 'kysely';
import type { ReclaimAuditEntry } from '../../reclaim/reclaim-request';
import type { Database } from '../database';

/** Appends one row to the reclaim audit trail, inside the caller's transaction. */
export async function insertReclaimAudit(trx: Kysely<Database>, entry: Omit<ReclaimAuditEntry, 'id'>): Promise<void> {
  await trx.insertInto('reclaimAudit').values(entry).execute();
}
