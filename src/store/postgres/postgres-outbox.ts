import { outboxStatusCondition } from '../outbox-status-condition';
import { byDueThenId } from '../records/by-due-then-id';
import { readOutboxMessage, type OutboxRow } from '../records/outbox-row';
import { storeInput } from '../store-input';
import type { NewOutboxMessage, OutboxFilter, OutboxMessage } from '../store';
import type { OutboxPart } from '../store-parts';
import { insertPostgresOutbox } from './insert-postgres-outbox';
import { postgresColumns, type PostgresColumnTypes } from './postgres-columns';
import type { PostgresDatabase } from './postgres-database';

type Row = OutboxRow<PostgresColumnTypes>;

/** Messages waiting to be sent; claims skip rows another instance is claiming at the same moment. */
export class PostgresOutbox implements OutboxPart {
  constructor(private readonly db: PostgresDatabase) {}

  async enqueueOutbox(messages: readonly NewOutboxMessage[]): Promise<number[]> {
    const now = this.db.now();
    const valid = storeInput.outbox(messages, now);
    return this.db.transaction((client) => insertPostgresOutbox(this.db, client, valid, now));
  }

  async claimDueOutbox(now: string, limit: number, claimant: string, leaseMs: number): Promise<OutboxMessage[]> {
    const at = storeInput.iso(now, 'now');
    const until = storeInput.plus(at, leaseMs, 'leaseMs');
    const rows = await this.db.all<Row>(
      `WITH due AS (
         SELECT id FROM outbox
         WHERE sent_at IS NULL AND dead_at IS NULL AND next_attempt_at <= $1 AND (claimed_until IS NULL OR claimed_until <= $1)
         ORDER BY next_attempt_at, id LIMIT $2
         FOR UPDATE SKIP LOCKED)
       UPDATE outbox o SET claimed_by = $3, claimed_until = $4, attempts = o.attempts + 1
       FROM due WHERE o.id = due.id
       RETURNING o.*`,
      [at, storeInput.positiveInteger(limit, 'limit'), storeInput.text(claimant, 'claimant'), until],
    );
    return rows.map((row) => readOutboxMessage(row, postgresColumns)).sort(byDueThenId);
  }

  async markOutboxSent(id: number, claimant: string, activityId: string | null = null): Promise<boolean> {
    return this.db.changed(
      `UPDATE outbox SET sent_at = $1, activity_id = $2, claimed_by = NULL, claimed_until = NULL, last_error = NULL
       WHERE id = $3 AND sent_at IS NULL AND claimed_by = $4`,
      [this.db.now(), activityId, id, storeInput.text(claimant, 'claimant')],
    );
  }

  async markOutboxFailed(id: number, claimant: string, error: string, nextAttemptAt: string | null): Promise<boolean> {
    const next = nextAttemptAt === null ? null : storeInput.iso(nextAttemptAt, 'nextAttemptAt');
    return this.db.changed(
      `UPDATE outbox SET last_error = $1, claimed_by = NULL, claimed_until = NULL,
         next_attempt_at = COALESCE($2::timestamptz, next_attempt_at),
         dead_at = CASE WHEN $2::timestamptz IS NULL THEN $3::timestamptz ELSE NULL END
       WHERE id = $4 AND sent_at IS NULL AND dead_at IS NULL AND claimed_by = $5`,
      [error, next, this.db.now(), id, storeInput.text(claimant, 'claimant')],
    );
  }

  async listOutbox(filter: OutboxFilter = {}): Promise<OutboxMessage[]> {
    const where = outboxStatusCondition(filter.status);
    const params: (string | number)[] = [];
    if (filter.kind !== undefined) {
      params.push(filter.kind);
      where.push(`kind = $${params.length}`);
    }
    params.push(storeInput.limit(filter.limit, 100));
    const rows = await this.db.all<Row>(
      `SELECT * FROM outbox ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map((row) => readOutboxMessage(row, postgresColumns));
  }
}
