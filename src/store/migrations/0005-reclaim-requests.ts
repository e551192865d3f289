import { sql, type Kysely } from 'kysely';
import { rebuildSqliteOutbox } from './rebuild-sqlite-outbox';
import type { StoreMigration } from './store-migration';

const OUTBOX_KINDS = ['channel', 'suggestion-card', 'webhook', 'reclaim-card'];

/** The tables of reclaim cards, their approvals and recorded Graph writes, and the `reclaim-card` outbox kind. */
export const reclaimRequests: StoreMigration = {
  async up(db: Kysely<unknown>, dialect): Promise<void> {
    const sqlite = dialect === 'sqlite';
    const time = sql.raw(sqlite ? 'TEXT' : 'TIMESTAMPTZ');
    const json = sql.raw(sqlite ? 'TEXT' : 'JSONB');
    const emptyObject = sql.raw(sqlite ? `'{}'` : `'{}'::jsonb`);
    const serial = sql.raw(sqlite ? 'INTEGER PRIMARY KEY AUTOINCREMENT' : 'BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY');
    if (sqlite) {
      await rebuildSqliteOutbox(db, OUTBOX_KINDS);
    } else {
      await sql`ALTER TABLE outbox DROP CONSTRAINT outbox_kind_check`.execute(db);
      await sql`ALTER TABLE outbox ADD CONSTRAINT outbox_kind_check CHECK (kind IN ('channel', 'suggestion-card', 'webhook', 'reclaim-card'))`.execute(db);
    }
    await sql`
      CREATE TABLE reclaim_requests (
        id TEXT PRIMARY KEY,
        sku_id TEXT NOT NULL,
        sku_part_number TEXT NOT NULL,
        display_name TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'approved', 'dismissed', 'withdrawn', 'done')),
        scan_as_of ${time} NOT NULL,
        seats ${json} NOT NULL,
        created_at ${time} NOT NULL,
        updated_at ${time} NOT NULL,
        decided_by TEXT,
        decided_by_name TEXT,
        decided_at ${time},
        card_activities ${json} NOT NULL DEFAULT ${emptyObject},
        version INTEGER NOT NULL,
        executor TEXT,
        executor_until ${time}
      )
    `.execute(db);
    await sql`CREATE UNIQUE INDEX reclaim_requests_one_active_per_sku ON reclaim_requests (sku_id) WHERE status IN ('open', 'approved')`.execute(db);
    await sql`
      CREATE TABLE reclaim_removals (
        request_id TEXT NOT NULL REFERENCES reclaim_requests (id) ON DELETE CASCADE,
        user_id TEXT NOT NULL,
        sku_id TEXT NOT NULL,
        display_name TEXT NOT NULL,
        user_principal_name TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('intended', 'done', 'failed')),
        intended_at ${time} NOT NULL,
        attempted_at ${time},
        settled_at ${time},
        error_code TEXT,
        error_message TEXT,
        PRIMARY KEY (request_id, user_id)
      )
    `.execute(db);
    await sql`
      CREATE TABLE reclaim_reprocesses (
        source TEXT NOT NULL,
        group_id TEXT NOT NULL,
        group_name TEXT NOT NULL,
        sku_id TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('intended', 'done', 'failed')),
        intended_at ${time} NOT NULL,
        attempted_at ${time},
        settled_at ${time},
        error_code TEXT,
        error_message TEXT,
        PRIMARY KEY (source, group_id)
      )
    `.execute(db);
    await sql`
      CREATE TABLE reclaim_audit (
        id ${serial},
        request_id TEXT,
        at ${time} NOT NULL,
        actor TEXT NOT NULL,
        actor_name TEXT,
        action TEXT NOT NULL,
        user_id TEXT,
        group_id TEXT,
        sku_id TEXT NOT NULL,
        detail TEXT
      )
    `.execute(db);
    await sql`CREATE INDEX reclaim_audit_by_request ON reclaim_audit (request_id, id)`.execute(db);
  },
};
