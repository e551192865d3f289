import { storeInput } from '../store-input';
import type { NewOutboxMessage } from '../store';
import type { SqliteDatabase } from './sqlite-database';

/** Inserts validated outbox messages inside the caller's transaction, skipping known dedupe keys. Returns the new ids. */
export function insertSqliteOutbox(db: SqliteDatabase, messages: readonly Required<NewOutboxMessage>[], now: string): number[] {
  const ids: number[] = [];
  for (const m of messages) {
    const row = db.get<{ id: number }>(
      `INSERT INTO outbox (kind, target, payload, dedupe_key, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      m.kind,
      m.target,
      storeInput.json(m.payload),
      m.dedupeKey,
      now,
      m.notBefore,
    );
    if (row !== undefined) {
      ids.push(row.id);
    }
  }
  return ids;
}
