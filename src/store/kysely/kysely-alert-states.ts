import type { Kysely } from 'kysely';
import type { AlertState, AlertStateChange } from '../../alerts/alert-state';
import type { AlertStateStore } from '../../alerts/alert-state-store';
import type { NewOutboxMessage } from '../../delivery/outbox-message';
import { ConflictError } from '../../errors';
import type { Database } from '../database';
import { storeInput } from '../store-input';
import { insertOutbox } from './insert-outbox';
import type { StoreContext } from './store-context';

/** Alert states, committed together with the outbox messages they cause. */
export class KyselyAlertStates implements AlertStateStore {
  constructor(private readonly ctx: StoreContext) {}

  async listAlertStates(): Promise<AlertState[]> {
    return this.ctx.db.selectFrom('alertStates').selectAll().orderBy('skuId').orderBy('condition').execute();
  }

  async commitAlertTransitions(changes: readonly AlertStateChange[], outbox: readonly NewOutboxMessage[]): Promise<AlertState[]> {
    const now = this.ctx.now();
    const messages = storeInput.outbox(outbox, now);
    const valid = storeInput.alertChanges(changes);
    return this.ctx.dialect.write(this.ctx.db, async (trx) => {
      const written: AlertState[] = [];
      for (const change of valid) {
        const row = await writeState(trx, change, now);
        if (row === undefined) {
          throw new ConflictError(`The alert state of ${change.skuId}/${change.condition} changed since it was read`);
        }
        written.push(row);
      }
      await insertOutbox(trx, messages, now);
      return written;
    });
  }
}

/** Inserts a new state or moves one on from its expected version; undefined when the row is not as expected. */
async function writeState(trx: Kysely<Database>, change: AlertStateChange, now: string): Promise<AlertState | undefined> {
  const values = { status: change.status, since: change.since, lastNotifiedAt: change.lastNotifiedAt, details: storeInput.json(change.details), updatedAt: now };
  if (change.expectedVersion === null) {
    return trx
      .insertInto('alertStates')
      .values({ ...values, skuId: change.skuId, condition: change.condition, version: 1 })
      .onConflict((oc) => oc.doNothing())
      .returningAll()
      .executeTakeFirst();
  }
  return trx
    .updateTable('alertStates')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('skuId', '=', change.skuId)
    .where('condition', '=', change.condition)
    .where('version', '=', change.expectedVersion)
    .returningAll()
    .executeTakeFirst();
}
