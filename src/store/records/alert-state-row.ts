import type { AlertState, AlertStatus } from '../store';
import type { ColumnReader, ColumnTypes } from './column-reader';

/** An `alert_states` row. */
export interface AlertStateRow<C extends ColumnTypes> {
  sku_id: string;
  condition: string;
  status: AlertStatus;
  since: C['time'];
  last_notified_at: C['time'] | null;
  details: C['json'];
  version: number;
  updated_at: C['time'];
}

export function readAlertState<C extends ColumnTypes>(row: AlertStateRow<C>, read: ColumnReader<C>): AlertState {
  return {
    skuId: row.sku_id,
    condition: row.condition,
    status: row.status,
    since: read.time(row.since),
    lastNotifiedAt: read.timeOrNull(row.last_notified_at),
    details: read.json(row.details),
    version: row.version,
    updatedAt: read.time(row.updated_at),
  };
}
