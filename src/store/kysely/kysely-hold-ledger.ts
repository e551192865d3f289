import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { HoldLedger } from '../../holds/hold-ledger';
import type { HoldRequest, HoldResult, SeatHold } from '../../holds/seat-hold';
import type { Database } from '../database';
import { storeInput } from '../store-input';
import { compiledOnce } from './compiled-once';
import type { StoreContext } from './store-context';

/** Seat holds; takers of one SKU serialise (SQLite's write lock, PostgreSQL's advisory lock), so they never over-commit. */
export class KyselyHoldLedger implements HoldLedger {
  /** Read on every chat turn (the figures subtract held seats): compiled once. */
  private readonly heldAt;

  constructor(private readonly ctx: StoreContext) {
    this.heldAt = compiledOnce<[string], { skuId: string; held: number }>(ctx.db, 1, (now) =>
      ctx.db
        .selectFrom('seatHolds')
        .select((eb) => ['skuId', eb.fn.sum<number>('quantity').as('held')])
        .where('releasedAt', 'is', null)
        .where('expiresAt', '>', now)
        .groupBy('skuId')
        .orderBy('skuId'),
    );
  }

  async tryTakeHold(request: HoldRequest): Promise<HoldResult> {
    const valid = storeInput.hold(request);
    return this.ctx.dialect.write(this.ctx.db, async (trx): Promise<HoldResult> => {
      // Serialises takers of one SKU until commit, so the sum below cannot go stale before the insert.
      await this.ctx.dialect.serialise(trx, 'headroom:hold', valid.skuId);
      const held = await heldFor(trx, valid.skuId, valid.now);
      if (held + valid.quantity > valid.unheldLimit) {
        return { ok: false, held };
      }
      const hold = await trx
        .insertInto('seatHolds')
        .values({ id: randomUUID(), skuId: valid.skuId, quantity: valid.quantity, reason: valid.reason, createdAt: valid.now, expiresAt: valid.expiresAt })
        .returningAll()
        .executeTakeFirstOrThrow();
      return { ok: true, hold, heldAfter: held + valid.quantity };
    });
  }

  async releaseHold(id: string, now: string): Promise<boolean> {
    const at = storeInput.iso(now, 'now');
    const result = await this.ctx.dialect.write(this.ctx.db, (trx) =>
      trx.updateTable('seatHolds').set({ releasedAt: at }).where('id', '=', id).where('releasedAt', 'is', null).where('expiresAt', '>', at).executeTakeFirst(),
    );
    return result.numUpdatedRows > 0n;
  }

  async listActiveHolds(now: string): Promise<SeatHold[]> {
    return this.ctx.db
      .selectFrom('seatHolds')
      .selectAll()
      .where('releasedAt', 'is', null)
      .where('expiresAt', '>', storeInput.iso(now, 'now'))
      .orderBy('createdAt')
      .orderBy('id')
      .execute();
  }

  async heldBySku(now: string): Promise<Map<string, number>> {
    const rows = await this.heldAt(storeInput.iso(now, 'now'));
    return new Map(rows.map((r) => [r.skuId, Number(r.held)]));
  }
}

async function heldFor(trx: Kysely<Database>, skuId: string, now: string): Promise<number> {
  const row = await trx
    .selectFrom('seatHolds')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('quantity'), eb.lit(0)).as('held'))
    .where('skuId', '=', skuId)
    .where('releasedAt', 'is', null)
    .where('expiresAt', '>', now)
    .executeTakeFirst();
  return Number(row?.held ?? 0);
}
