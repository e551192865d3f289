import { sql, type Kysely } from 'kysely';
import type { StoreMigration } from './store-migration';

/**
 * The reclaim scan: one row per scan (the latest few are kept) and one row per candidate (user, SKU).
 * Candidates keep the order the scan found them in (`position`). Deleting a scan deletes its candidates.
 */
export const reclaimScans: StoreMigration = {
  async up(db: Kysely<unknown>, dialect): Promise<void> {
    const sqlite = dialect === 'sqlite';
    const id = sqlite ? sql.raw('INTEGER PRIMARY KEY AUTOINCREMENT') : sql.raw('BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY');
    const scanRef = sqlite ? sql.raw('INTEGER') : sql.raw('BIGINT');
    const time = sqlite ? sql.raw('TEXT') : sql.raw('TIMESTAMPTZ');
    await sql`
      CREATE TABLE reclaim_scans (
        id ${id},
        as_of ${time} NOT NULL,
        inactive_days INTEGER NOT NULL CHECK (inactive_days > 0),
        inactive_unknown_reason TEXT CHECK (inactive_unknown_reason IN ('permission', 'premium-license', 'read-failed')),
        inactive_unknown_detail TEXT
      )
    `.execute(db);
    await sql`
      CREATE TABLE reclaim_candidates (
        scan_id ${scanRef} NOT NULL REFERENCES reclaim_scans (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        user_id TEXT NOT NULL,
        user_principal_name TEXT NOT NULL,
        display_name TEXT NOT NULL,
        sku_id TEXT NOT NULL,
        reason TEXT NOT NULL CHECK (reason IN ('disabled', 'inactive')),
        last_sign_in ${time},
        assigned_group_id TEXT,
        assigned_group_name TEXT,
        PRIMARY KEY (scan_id, position),
        UNIQUE (scan_id, user_id, sku_id)
      )
    `.execute(db);
  },
};
