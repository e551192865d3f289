import type { Kysely } from 'kysely';
import type { NewOutboxMessage } from '../../delivery/outbox-message';
import type { Database } from '../database';
import { storeInput } from '../store-input';

/** Inserts validated outbox messages inside the caller's transaction, skipping known dedupe keys. Returns the new ids. */
export async function insertOutbox(trx: Kysely<Database>, messages: readonly Required<NewOutboxMessage>[], now: string): Promise<number[]> {
  const ids: number[] = [];
  for (const m of messages) {
    const row = await trx
      .insertInto('outbox')
      .values({ kind: m.kind, target: m.target, payload: storeInput.json(m.payload), dedupeKey: m.dedupeKey, createdAt: now, nextAttemptAt: m.notBefore })
      .onConflict((oc) => oc.column('dedupeKey').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (row !== undefined) {
      ids.push(row.id);
    }
  }
  return ids;
}
