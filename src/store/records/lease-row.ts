import type { Lease } from '../store';
import type { ColumnReader, ColumnTypes } from './column-reader';

/** A `leases` row. */
export interface LeaseRow<C extends ColumnTypes> {
  name: string;
  owner: string;
  acquired_at: C['time'];
  expires_at: C['time'];
}

export function readLease<C extends ColumnTypes>(row: LeaseRow<C>, read: ColumnReader<C>): Lease {
  return { name: row.name, owner: row.owner, acquiredAt: read.time(row.acquired_at), expiresAt: read.time(row.expires_at) };
}
