import { sql, type Kysely } from 'kysely';
import type { StoreMigration } from './store-migration';

/**
 * Lets the outbox hold a third kind, `suggestion-card`, and moves the messages older versions queued as
 * `channel` with a `suggestionId` of a stored suggestion to it, so the dispatcher needs no sniffing.
 *
 * PostgreSQL drops and re-adds the column's check (`outbox_kind_check`, the name PostgreSQL gave the
 * inline check of 0001). SQLite cannot alter a check, so the table is rebuilt inside this step's
 * transaction: same columns, same ids, the AUTOINCREMENT counter carried over, the indexes recreated.
 */
export const suggestionCardOutboxKind: StoreMigration = {
  async up(db: Kysely<unknown>, dialect): Promise<void> {
    if (dialect === 'sqlite') {
      await rebuildSqliteOutbox(db);
      await sql`
        UPDATE outbox SET kind = 'suggestion-card'
        WHERE kind = 'channel'
          AND json_type(payload, '$.suggestionId') = 'text'
          AND json_extract(payload, '$.suggestionId') IN (SELECT id FROM suggestions)
      `.execute(db);
    } else {
      await sql`ALTER TABLE outbox DROP CONSTRAINT outbox_kind_check`.execute(db);
      await sql`ALTER TABLE outbox ADD CONSTRAINT outbox_kind_check CHECK (kind IN ('channel', 'suggestion-card', 'webhook'))`.execute(db);
      await sql`
        UPDATE outbox SET kind = 'suggestion-card'
        WHERE kind = 'channel'
          AND jsonb_typeof(payload -> 'suggestionId') = 'string'
          AND payload ->> 'suggestionId' IN (SELECT id FROM suggestions)
      `.execute(db);
    }
  },
};

async function rebuildSqliteOutbox(db: Kysely<unknown>): Promise<void> {
  const counter = await sql<{ seq: number }>`SELECT seq FROM sqlite_sequence WHERE name = 'outbox'`.execute(db);
  await sql`
    CREATE TABLE outbox_rebuilt (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      kind TEXT NOT NULL CHECK (kind IN ('channel', 'suggestion-card', 'webhook')),
      target TEXT NOT NULL,
      payload TEXT NOT NULL,
      dedupe_key TEXT NOT NULL UNIQUE,
      created_at TEXT NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at TEXT NOT NULL,
      claimed_by TEXT,
      claimed_until TEXT,
      sent_at TEXT,
      activity_id TEXT,
      last_error TEXT,
      dead_at TEXT
    )
  `.execute(db);
  await sql`
    INSERT INTO outbox_rebuilt (id, kind, target, payload, dedupe_key, created_at, attempts, next_attempt_at,
                                claimed_by, claimed_until, sent_at, activity_id, last_error, dead_at)
    SELECT id, kind, target, payload, dedupe_key, created_at, attempts, next_attempt_at,
           claimed_by, claimed_until, sent_at, activity_id, last_error, dead_at
    FROM outbox
  `.execute(db);
  await sql`DROP TABLE outbox`.execute(db);
  await sql`ALTER TABLE outbox_rebuilt RENAME TO outbox`.execute(db);
  await sql`CREATE INDEX outbox_due ON outbox (next_attempt_at, id) WHERE sent_at IS NULL AND dead_at IS NULL`.execute(db);
  // New ids continue after every id ever handed out, even ones whose rows are gone.
  const seq = counter.rows[0]?.seq;
  if (seq !== undefined) {
    await sql`DELETE FROM sqlite_sequence WHERE name = 'outbox'`.execute(db);
    await sql`INSERT INTO sqlite_sequence (name, seq) VALUES ('outbox', MAX(${seq}, (SELECT COALESCE(MAX(id), 0) FROM outbox)))`.execute(db);
  }
}
