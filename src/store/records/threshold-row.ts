import type { ThresholdRecord } from '../store';
import type { ColumnReader, ColumnTypes } from './column-reader';

/** A `sku_thresholds` row. */
export interface ThresholdRow<C extends ColumnTypes> {
  sku_id: string;
  kind: 'absolute' | 'percent';
  value: number;
  set_by: string;
  set_at: C['time'];
}

export function readThreshold<C extends ColumnTypes>(row: ThresholdRow<C>, read: ColumnReader<C>): ThresholdRecord {
  return { skuId: row.sku_id, threshold: { kind: row.kind, value: row.value }, setBy: row.set_by, setAt: read.time(row.set_at) };
}
