import { randomUUID } from 'node:crypto';
import { readSeatHold, type SeatHoldRow } from '../records/seat-hold-row';
import { storeInput } from '../store-input';
import type { HoldRequest, HoldResult, SeatHold } from '../store';
import type { HoldsPart } from '../store-parts';
import { ADVISORY_LOCK } from './advisory-lock';
import { postgresColumns, type PostgresColumnTypes } from './postgres-columns';
import type { PostgresDatabase } from './postgres-database';

type HoldRow = SeatHoldRow<PostgresColumnTypes>;

/** Seat holds; takers of one SKU serialise on an advisory lock, so they can never over-commit. */
export class PostgresHolds implements HoldsPart {
  constructor(private readonly db: PostgresDatabase) {}

  async tryTakeHold(request: HoldRequest): Promise<HoldResult> {
    const valid = storeInput.hold(request);
    return this.db.transaction(async (client): Promise<HoldResult> => {
      // Serialises takers of one SKU until commit, so the sum below cannot go stale before the insert.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', [ADVISORY_LOCK.hold, valid.skuId]);
      const sum = await this.db.one<{ held: PostgresColumnTypes['bigint'] }>(
        'SELECT COALESCE(SUM(quantity), 0) AS held FROM seat_holds WHERE sku_id = $1 AND released_at IS NULL AND expires_at > $2',
        [valid.skuId, valid.now],
        client,
      );
      const held = postgresColumns.bigint(sum?.held ?? '0');
      if (held + valid.quantity > valid.unheldLimit) {
        return { ok: false, held };
      }
      const row = await this.db.one<HoldRow>(
        'INSERT INTO seat_holds (id, sku_id, quantity, reason, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *',
        [randomUUID(), valid.skuId, valid.quantity, valid.reason, valid.now, valid.expiresAt],
        client,
      );
      return { ok: true, hold: readSeatHold(row as HoldRow, postgresColumns), heldAfter: held + valid.quantity };
    });
  }

  async releaseHold(id: string, now: string): Promise<boolean> {
    const at = storeInput.iso(now, 'now');
    return this.db.changed('UPDATE seat_holds SET released_at = $1 WHERE id = $2 AND released_at IS NULL AND expires_at > $1', [at, id]);
  }

  async listActiveHolds(now: string): Promise<SeatHold[]> {
    const rows = await this.db.all<HoldRow>('SELECT * FROM seat_holds WHERE released_at IS NULL AND expires_at > $1 ORDER BY created_at, id', [
      storeInput.iso(now, 'now'),
    ]);
    return rows.map((row) => readSeatHold(row, postgresColumns));
  }

  async heldBySku(now: string): Promise<Map<string, number>> {
    const rows = await this.db.all<{ sku_id: string; held: PostgresColumnTypes['bigint'] }>(
      'SELECT sku_id, SUM(quantity) AS held FROM seat_holds WHERE released_at IS NULL AND expires_at > $1 GROUP BY sku_id ORDER BY sku_id',
      [storeInput.iso(now, 'now')],
    );
    return new Map(rows.map((r) => [r.sku_id, postgresColumns.bigint(r.held)]));
  }
}
