import { sql, type Kysely } from 'kysely';
import type { StoreMigration } from './store-migration';

/**
 * The schema as the store before Kysely made it (version 1 of its own `schema_migrations` table), kept
 * word for word so databases made then and now are the same. SQLite keeps times as ISO-8601 UTC text and
 * JSON as text; PostgreSQL uses timestamptz and jsonb.
 */
export const initialSchema: StoreMigration = {
  async up(db: Kysely<unknown>, dialect): Promise<void> {
    for (const statement of statements(dialect === 'sqlite' ? SQLITE : POSTGRES)) {
      await sql.raw(statement).execute(db);
    }
  },
};

/** better-sqlite3 prepares one statement at a time; none of these has a semicolon inside. */
function statements(script: string): string[] {
  return script
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

const SQLITE = `
      CREATE TABLE conversation_references (
        conversation_id TEXT PRIMARY KEY,
        reference TEXT NOT NULL,
        tenant_id TEXT NOT NULL,
        conversation_type TEXT NOT NULL,
        team_id TEXT,
        channel_name TEXT,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE watched_places (
        conversation_id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('channel', 'groupChat', 'personal')),
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        inactive_reason TEXT,
        inactive_since TEXT
      );

      CREATE TABLE sku_thresholds (
        sku_id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('absolute', 'percent')),
        value REAL NOT NULL CHECK (value >= 0),
        set_by TEXT NOT NULL,
        set_at TEXT NOT NULL
      );

      CREATE TABLE muted_skus (
        sku_id TEXT PRIMARY KEY,
        muted_by TEXT NOT NULL,
        muted_at TEXT NOT NULL
      );

      CREATE TABLE sku_history (
        sku_id TEXT NOT NULL,
        taken_at TEXT NOT NULL,
        purchased INTEGER NOT NULL,
        assigned INTEGER NOT NULL,
        available INTEGER NOT NULL,
        waiting INTEGER NOT NULL,
        PRIMARY KEY (sku_id, taken_at)
      );

      CREATE TABLE alert_states (
        sku_id TEXT NOT NULL,
        condition TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('active', 'resolved')),
        since TEXT NOT NULL,
        last_notified_at TEXT,
        details TEXT NOT NULL,
        version INTEGER NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (sku_id, condition)
      );

      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL CHECK (kind IN ('channel', 'webhook')),
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
      );
      CREATE INDEX outbox_due ON outbox (next_attempt_at, id) WHERE sent_at IS NULL AND dead_at IS NULL;

      CREATE TABLE seat_holds (
        id TEXT PRIMARY KEY,
        sku_id TEXT NOT NULL,
        quantity INTEGER NOT NULL CHECK (quantity > 0),
        reason TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        released_at TEXT
      );
      CREATE INDEX seat_holds_active ON seat_holds (sku_id, expires_at) WHERE released_at IS NULL;

      CREATE TABLE suggestions (
        id TEXT PRIMARY KEY,
        sku_id TEXT NOT NULL,
        sku_part_number TEXT NOT NULL,
        display_name TEXT NOT NULL,
        quantity INTEGER NOT NULL CHECK (quantity > 0),
        reasoning TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('proposed', 'approved', 'declined', 'snoozed', 'superseded', 'expired', 'fulfilled')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        decided_by TEXT,
        decided_by_name TEXT,
        decided_at TEXT,
        snoozed_until TEXT,
        purchased_at_approval INTEGER,
        card_activities TEXT NOT NULL DEFAULT '{}',
        version INTEGER NOT NULL
      );
      CREATE UNIQUE INDEX suggestions_one_open_per_sku ON suggestions (sku_id) WHERE status IN ('proposed', 'approved');
      CREATE INDEX suggestions_by_created ON suggestions (created_at);

      CREATE TABLE suggestion_audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        suggestion_id TEXT NOT NULL REFERENCES suggestions (id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        actor_name TEXT,
        action TEXT NOT NULL,
        quantity INTEGER,
        previous_status TEXT,
        new_status TEXT NOT NULL
      );
      CREATE INDEX suggestion_audit_by_suggestion ON suggestion_audit (suggestion_id, id);

      CREATE TABLE leases (
        name TEXT PRIMARY KEY,
        owner TEXT NOT NULL,
        acquired_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
`;

const POSTGRES = `
      CREATE TABLE conversation_references (
        conversation_id TEXT PRIMARY KEY,
        reference JSONB NOT NULL,
        tenant_id TEXT NOT NULL,
        conversation_type TEXT NOT NULL,
        team_id TEXT,
        channel_name TEXT,
        updated_at TIMESTAMPTZ NOT NULL
      );

      CREATE TABLE watched_places (
        conversation_id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('channel', 'groupChat', 'personal')),
        added_by TEXT NOT NULL,
        added_at TIMESTAMPTZ NOT NULL,
        active BOOLEAN NOT NULL DEFAULT TRUE,
        inactive_reason TEXT,
        inactive_since TIMESTAMPTZ
      );

      CREATE TABLE sku_thresholds (
        sku_id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('absolute', 'percent')),
        value DOUBLE PRECISION NOT NULL CHECK (value >= 0),
        set_by TEXT NOT NULL,
        set_at TIMESTAMPTZ NOT NULL
      );

      CREATE TABLE muted_skus (
        sku_id TEXT PRIMARY KEY,
        muted_by TEXT NOT NULL,
        muted_at TIMESTAMPTZ NOT NULL
      );

      CREATE TABLE sku_history (
        sku_id TEXT NOT NULL,
        taken_at TIMESTAMPTZ NOT NULL,
        purchased INTEGER NOT NULL,
        assigned INTEGER NOT NULL,
        available INTEGER NOT NULL,
        waiting INTEGER NOT NULL,
        PRIMARY KEY (sku_id, taken_at)
      );

      CREATE TABLE alert_states (
        sku_id TEXT NOT NULL,
        condition TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('active', 'resolved')),
        since TIMESTAMPTZ NOT NULL,
        last_notified_at TIMESTAMPTZ,
        details JSONB NOT NULL,
        version INTEGER NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL,
        PRIMARY KEY (sku_id, condition)
      );

      CREATE TABLE outbox (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('channel', 'webhook')),
        target TEXT NOT NULL,
        payload JSONB NOT NULL,
        dedupe_key TEXT NOT NULL UNIQUE,
        created_at TIMESTAMPTZ NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TIMESTAMPTZ NOT NULL,
        claimed_by TEXT,
        claimed_until TIMESTAMPTZ,
        sent_at TIMESTAMPTZ,
        activity_id TEXT,
        last_error TEXT,
        dead_at TIMESTAMPTZ
      );
      CREATE INDEX outbox_due ON outbox (next_attempt_at, id) WHERE sent_at IS NULL AND dead_at IS NULL;

      CREATE TABLE seat_holds (
        id TEXT PRIMARY KEY,
        sku_id TEXT NOT NULL,
        quantity INTEGER NOT NULL CHECK (quantity > 0),
        reason TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL,
        expires_at TIMESTAMPTZ NOT NULL,
        released_at TIMESTAMPTZ
      );
      CREATE INDEX seat_holds_active ON seat_holds (sku_id, expires_at) WHERE released_at IS NULL;

      CREATE TABLE suggestions (
        id TEXT PRIMARY KEY,
        sku_id TEXT NOT NULL,
        sku_part_number TEXT NOT NULL,
        display_name TEXT NOT NULL,
        quantity INTEGER NOT NULL CHECK (quantity > 0),
        reasoning JSONB NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('proposed', 'approved', 'declined', 'snoozed', 'superseded', 'expired', 'fulfilled')),
        created_at TIMESTAMPTZ NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL,
        decided_by TEXT,
        decided_by_name TEXT,
        decided_at TIMESTAMPTZ,
        snoozed_until TIMESTAMPTZ,
        purchased_at_approval INTEGER,
        card_activities JSONB NOT NULL DEFAULT '{}'::jsonb,
        version INTEGER NOT NULL
      );
      CREATE UNIQUE INDEX suggestions_one_open_per_sku ON suggestions (sku_id) WHERE status IN ('proposed', 'approved');
      CREATE INDEX suggestions_by_created ON suggestions (created_at);

      CREATE TABLE suggestion_audit (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        suggestion_id TEXT NOT NULL REFERENCES suggestions (id) ON DELETE CASCADE,
        at TIMESTAMPTZ NOT NULL,
        actor TEXT NOT NULL,
        actor_name TEXT,
        action TEXT NOT NULL,
        quantity INTEGER,
        previous_status TEXT,
        new_status TEXT NOT NULL
      );
      CREATE INDEX suggestion_audit_by_suggestion ON suggestion_audit (suggestion_id, id);

      CREATE TABLE leases (
        name TEXT PRIMARY KEY,
        owner TEXT NOT NULL,
        acquired_at TIMESTAMPTZ NOT NULL,
        expires_at TIMESTAMPTZ NOT NULL
      );
`;
