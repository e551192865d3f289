import type { MutedSku } from '../store';
import type { ColumnReader, ColumnTypes } from './column-reader';

/** A `muted_skus` row. */
export interface MutedSkuRow<C extends ColumnTypes> {
  sku_id: string;
  muted_by: string;
  muted_at: C['time'];
}

export function readMutedSku<C extends ColumnTypes>(row: MutedSkuRow<C>, read: ColumnReader<C>): MutedSku {
  return { skuId: row.sku_id, mutedBy: row.muted_by, mutedAt: read.time(row.muted_at) };
}
