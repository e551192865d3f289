import { readLease, type LeaseRow } from '../records/lease-row';
import { storeInput } from '../store-input';
import type { Lease } from '../store';
import type { LeasePart } from '../store-parts';
import { sqliteColumns, type SqliteColumnTypes } from './sqlite-columns';
import type { SqliteDatabase } from './sqlite-database';

/** Named leases, so one instance of many runs the watcher. */
export class SqliteLease implements LeasePart {
  constructor(private readonly db: SqliteDatabase) {}

  async tryAcquireLease(name: string, owner: string, ttlMs: number, now: string): Promise<boolean> {
    const at = storeInput.iso(now, 'now');
    const until = storeInput.plus(at, ttlMs, 'ttlMs');
    const row = this.db.get<{ owner: string }>(
      `INSERT INTO leases (name, owner, acquired_at, expires_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET
         acquired_at = CASE WHEN leases.owner = excluded.owner THEN leases.acquired_at ELSE excluded.acquired_at END,
         owner = excluded.owner, expires_at = excluded.expires_at
       WHERE leases.owner = excluded.owner OR leases.expires_at <= ?
       RETURNING owner`,
      storeInput.text(name, 'name'),
      storeInput.text(owner, 'owner'),
      at,
      until,
      at,
    );
    return row !== undefined;
  }

  async releaseLease(name: string, owner: string): Promise<boolean> {
    return this.db.changed('DELETE FROM leases WHERE name = ? AND owner = ?', name, owner);
  }

  async getLease(name: string): Promise<Lease | null> {
    const row = this.db.get<LeaseRow<SqliteColumnTypes>>('SELECT * FROM leases WHERE name = ?', name);
    return row === undefined ? null : readLease(row, sqliteColumns);
  }
}
