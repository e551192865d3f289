import type { SeatHold } from '../store';
import type { ColumnReader, ColumnTypes } from './column-reader';

/** A `seat_holds` row. */
export interface SeatHoldRow<C extends ColumnTypes> {
  id: string;
  sku_id: string;
  quantity: number;
  reason: string;
  created_at: C['time'];
  expires_at: C['time'];
  released_at: C['time'] | null;
}

export function readSeatHold<C extends ColumnTypes>(row: SeatHoldRow<C>, read: ColumnReader<C>): SeatHold {
  return {
    id: row.id,
    skuId: row.sku_id,
    quantity: row.quantity,
    reason: row.reason,
    createdAt: read.time(row.created_at),
    expiresAt: read.time(row.expires_at),
    releasedAt: read.timeOrNull(row.released_at),
  };
}
