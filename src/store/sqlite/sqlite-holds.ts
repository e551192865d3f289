import { randomUUID } from 'node:crypto';
import { readSeatHold, type SeatHoldRow } from '../records/seat-hold-row';
import { storeInput } from '../store-input';
import type { HoldRequest, HoldResult, SeatHold } from '../store';
import type { HoldsPart } from '../store-parts';
import { sqliteColumns, type SqliteColumnTypes } from './sqlite-columns';
import type { SqliteDatabase } from './sqlite-database';

type HoldRow = SeatHoldRow<SqliteColumnTypes>;

/** Seat holds; a take is one BEGIN IMMEDIATE transaction, so racing takers serialise on the write lock. */
export class SqliteHolds implements HoldsPart {
  constructor(private readonly db: SqliteDatabase) {}

  async tryTakeHold(request: HoldRequest): Promise<HoldResult> {
    const valid = storeInput.hold(request);
    return this.db.write((): HoldResult => {
      const held = this.heldFor(valid.skuId, valid.now);
      if (held + valid.quantity > valid.unheldLimit) {
        return { ok: false, held };
      }
      const row = this.db.get<HoldRow>(
        'INSERT INTO seat_holds (id, sku_id, quantity, reason, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING *',
        randomUUID(),
        valid.skuId,
        valid.quantity,
        valid.reason,
        valid.now,
        valid.expiresAt,
      );
      return { ok: true, hold: readSeatHold(row as HoldRow, sqliteColumns), heldAfter: held + valid.quantity };
    });
  }

  async releaseHold(id: string, now: string): Promise<boolean> {
    const at = storeInput.iso(now, 'now');
    return this.db.changed('UPDATE seat_holds SET released_at = ? WHERE id = ? AND released_at IS NULL AND expires_at > ?', at, id, at);
  }

  async listActiveHolds(now: string): Promise<SeatHold[]> {
    const rows = this.db.all<HoldRow>(
      'SELECT * FROM seat_holds WHERE released_at IS NULL AND expires_at > ? ORDER BY created_at, id',
      storeInput.iso(now, 'now'),
    );
    return rows.map((row) => readSeatHold(row, sqliteColumns));
  }

  async heldBySku(now: string): Promise<Map<string, number>> {
    const rows = this.db.all<{ sku_id: string; held: SqliteColumnTypes['bigint'] }>(
      'SELECT sku_id, SUM(quantity) AS held FROM seat_holds WHERE released_at IS NULL AND expires_at > ? GROUP BY sku_id ORDER BY sku_id',
      storeInput.iso(now, 'now'),
    );
    return new Map(rows.map((r) => [r.sku_id, sqliteColumns.bigint(r.held)]));
  }

  private heldFor(skuId: string, now: string): number {
    const row = this.db.get<{ held: SqliteColumnTypes['bigint'] }>(
      'SELECT COALESCE(SUM(quantity), 0) AS held FROM seat_holds WHERE sku_id = ? AND released_at IS NULL AND expires_at > ?',
      skuId,
      now,
    );
    return sqliteColumns.bigint(row?.held ?? 0);
  }
}
