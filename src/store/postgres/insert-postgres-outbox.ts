import { storeInput } from '../store-input';
import type { NewOutboxMessage } from '../store';
import { postgresColumns, type PostgresColumnTypes } from './postgres-columns';
import type { PostgresDatabase, Queryable } from './postgres-database';

/** Inserts validated outbox messages inside the caller's transaction, skipping known dedupe keys. Returns the new ids. */
export async function insertPostgresOutbox(
  db: PostgresDatabase,
  client: Queryable,
  messages: readonly Required<NewOutboxMessage>[],
  now: string,
): Promise<number[]> {
  const ids: number[] = [];
  for (const m of messages) {
    const row = await db.one<{ id: PostgresColumnTypes['bigint'] }>(
      `INSERT INTO outbox (kind, target, payload, dedupe_key, created_at, next_attempt_at) VALUES ($1, $2, $3::jsonb, $4, $5, $6)
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [m.kind, m.target, storeInput.json(m.payload), m.dedupeKey, now, m.notBefore],
      client,
    );
    if (row !== null) {
      ids.push(postgresColumns.bigint(row.id));
    }
  }
  return ids;
}
