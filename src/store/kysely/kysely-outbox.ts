import type { Outbox } from '../../delivery/outbox';
import type { NewOutboxMessage, OutboxFilter, OutboxMessage } from '../../delivery/outbox-message';
import { storeInput } from '../store-input';
import { insertOutbox } from './insert-outbox';
import type { StoreContext } from './store-context';

/** Messages waiting to be sent, claimed by one instance at a time. */
export class KyselyOutbox implements Outbox {
  constructor(private readonly ctx: StoreContext) {}

  async enqueueOutbox(messages: readonly NewOutboxMessage[]): Promise<number[]> {
    const now = this.ctx.now();
    const valid = storeInput.outbox(messages, now);
    return this.ctx.dialect.write(this.ctx.db, (trx) => insertOutbox(trx, valid, now));
  }

  async claimDueOutbox(now: string, limit: number, claimant: string, leaseMs: number): Promise<OutboxMessage[]> {
    const at = storeInput.iso(now, 'now');
    const until = storeInput.plus(at, leaseMs, 'leaseMs');
    const claimedBy = storeInput.text(claimant, 'claimant');
    const count = storeInput.positiveInteger(limit, 'limit');
    const rows = await this.ctx.dialect.write(this.ctx.db, (trx) => {
      const due = this.ctx.dialect.claimRows(
        trx
          .selectFrom('outbox')
          .select('id')
          .where('sentAt', 'is', null)
          .where('deadAt', 'is', null)
          .where('nextAttemptAt', '<=', at)
          .where((eb) => eb.or([eb('claimedUntil', 'is', null), eb('claimedUntil', '<=', at)]))
          .orderBy('nextAttemptAt')
          .orderBy('id')
          .limit(count),
      );
      return trx
        .updateTable('outbox')
        .set((eb) => ({ claimedBy, claimedUntil: until, attempts: eb('attempts', '+', 1) }))
        .where('id', 'in', due)
        .returningAll()
        .execute();
    });
    return rows.sort(byDueThenId);
  }

  async markOutboxSent(id: number, claimant: string, activityId: string | null = null): Promise<boolean> {
    const claimedBy = storeInput.text(claimant, 'claimant');
    const now = this.ctx.now();
    const result = await this.ctx.dialect.write(this.ctx.db, (trx) =>
      trx
        .updateTable('outbox')
        .set({ sentAt: now, activityId, claimedBy: null, claimedUntil: null, lastError: null })
        .where('id', '=', id)
        .where('sentAt', 'is', null)
        .where('claimedBy', '=', claimedBy)
        .executeTakeFirst(),
    );
    return result.numUpdatedRows > 0n;
  }

  async markOutboxFailed(id: number, claimant: string, error: string, nextAttemptAt: string | null): Promise<boolean> {
    const claimedBy = storeInput.text(claimant, 'claimant');
    const now = this.ctx.now();
    const next = nextAttemptAt === null ? null : storeInput.iso(nextAttemptAt, 'nextAttemptAt');
    // A retry moves the next attempt; giving up (no next attempt) makes the message dead.
    const outcome = next === null ? { deadAt: now } : { nextAttemptAt: next, deadAt: null };
    const result = await this.ctx.dialect.write(this.ctx.db, (trx) =>
      trx
        .updateTable('outbox')
        .set({ lastError: error, claimedBy: null, claimedUntil: null, ...outcome })
        .where('id', '=', id)
        .where('sentAt', 'is', null)
        .where('deadAt', 'is', null)
        .where('claimedBy', '=', claimedBy)
        .executeTakeFirst(),
    );
    return result.numUpdatedRows > 0n;
  }

  async listOutbox(filter: OutboxFilter = {}): Promise<OutboxMessage[]> {
    let query = this.ctx.db.selectFrom('outbox').selectAll();
    if (filter.status === 'pending') {
      query = query.where('sentAt', 'is', null).where('deadAt', 'is', null);
    } else if (filter.status === 'sent') {
      query = query.where('sentAt', 'is not', null);
    } else if (filter.status === 'dead') {
      query = query.where('deadAt', 'is not', null);
    }
    if (filter.kind !== undefined) {
      query = query.where('kind', '=', filter.kind);
    }
    return query.orderBy('id', 'desc').limit(storeInput.limit(filter.limit, 100)).execute();
  }
}

/** Sort order of claimed messages: the longest due first, then the oldest. */
function byDueThenId(a: OutboxMessage, b: OutboxMessage): number {
  return a.nextAttemptAt === b.nextAttemptAt ? a.id - b.id : a.nextAttemptAt < b.nextAttemptAt ? -1 : 1;
}
