import type { HistoryRow } from '../store';
import type { ColumnReader, ColumnTypes } from './column-reader';

/** A `sku_history` row. */
export interface SkuHistoryRow<C extends ColumnTypes> {
  sku_id: string;
  taken_at: C['time'];
  purchased: number;
  assigned: number;
  available: number;
  waiting: number;
}

export function readHistoryRow<C extends ColumnTypes>(row: SkuHistoryRow<C>, read: ColumnReader<C>): HistoryRow {
  return {
    skuId: row.sku_id,
    takenAt: read.time(row.taken_at),
    purchased: row.purchased,
    assigned: row.assigned,
    available: row.available,
    waiting: row.waiting,
  };
}
