import { sql, type Kysely } from 'kysely';

/**
 * SQLite cannot alter a CHECK, so a migration that lets the outbox hold another kind rebuilds the table
 * inside its transaction: same columns, same ids, the AUTOINCREMENT counter carried over, the index
 * recreated. `kinds` is the complete list the rebuilt table accepts.
 */
export async function rebuildSqliteOutbox(db: Kysely<unknown>, kinds: readonly string[]): Promise<void> {
  if (!kinds.every((kind) => /^[a-z-]+$/.test(kind))) {
    throw new Error(`Outbox kinds must be lower-case words: ${kinds.join(', ')}`);
  }
  const allowed = sql.raw(kinds.map((kind) => `'${kind}'`).join(', '));
  const counter = await sql<{ seq: number }>`SELECT seq FROM sqlite_sequence WHERE name = 'outbox'`.execute(db);
  await sql`
    CREATE TABLE outbox_rebuilt (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      kind TEXT NOT NULL CHECK (kind IN (${allowed})),
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
  const seq = counter.rows[0]?.seq;
  if (seq !== undefined) {
    await sql`DELETE FROM sqlite_sequence WHERE name = 'outbox'`.execute(db);
    await sql`INSERT INTO sqlite_sequence (name, seq) VALUES ('outbox', MAX(${seq}, (SELECT COALESCE(MAX(id), 0) FROM outbox)))`.execute(db);
  }
}
