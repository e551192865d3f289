import { readLease, type LeaseRow } from '../records/lease-row';
import { storeInput } from '../store-input';
import type { Lease } from '../store';
import type { LeasePart } from '../store-parts';
import { postgresColumns, type PostgresColumnTypes } from './postgres-columns';
import type { PostgresDatabase } from './postgres-database';

/** Named leases, so one instance of many runs the watcher. */
export class PostgresLease implements LeasePart {
  constructor(private readonly db: PostgresDatabase) {}

  async tryAcquireLease(name: string, owner: string, ttlMs: number, now: string): Promise<boolean> {
    const at = storeInput.iso(now, 'now');
    const until = storeInput.plus(at, ttlMs, 'ttlMs');
    return this.db.changed(
      `INSERT INTO leases (name, owner, acquired_at, expires_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (name) DO UPDATE SET
         acquired_at = CASE WHEN leases.owner = excluded.owner THEN leases.acquired_at ELSE excluded.acquired_at END,
         owner = excluded.owner, expires_at = excluded.expires_at
       WHERE leases.owner = excluded.owner OR leases.expires_at <= $3`,
      [storeInput.text(name, 'name'), storeInput.text(owner, 'owner'), at, until],
    );
  }

  async releaseLease(name: string, owner: string): Promise<boolean> {
    return this.db.changed('DELETE FROM leases WHERE name = $1 AND owner = $2', [name, owner]);
  }

  async getLease(name: string): Promise<Lease | null> {
    const row = await this.db.one<LeaseRow<PostgresColumnTypes>>('SELECT * FROM leases WHERE name = $1', [name]);
    return row === null ? null : readLease(row, postgresColumns);
  }
}
