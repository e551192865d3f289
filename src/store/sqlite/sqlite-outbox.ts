import { byDueThenId } from '../records/by-due-then-id';
import { outboxStatusCondition } from '../outbox-status-condition';
import { readOutboxMessage, type OutboxRow } from '../records/outbox-row';
import { storeInput } from '../store-input';
import type { NewOutboxMessage, OutboxFilter, OutboxMessage } from '../store';
import type { OutboxPart } from '../store-parts';
import { insertSqliteOutbox } from './insert-sqlite-outbox';
import { sqliteColumns, type SqliteColumnTypes } from './sqlite-columns';
import type { SqliteDatabase } from './sqlite-database';

type Row = OutboxRow<SqliteColumnTypes>;

/** Messages waiting to be sent, claimed by one instance at a time. */
export class SqliteOutbox implements OutboxPart {
  constructor(private readonly db: SqliteDatabase) {}

  async enqueueOutbox(messages: readonly NewOutboxMessage[]): Promise<number[]> {
    const now = this.db.now();
    const valid = storeInput.outbox(messages, now);
    return this.db.write(() => insertSqliteOutbox(this.db, valid, now));
  }

  async claimDueOutbox(now: string, limit: number, claimant: string, leaseMs: number): Promise<OutboxMessage[]> {
    const at = storeInput.iso(now, 'now');
    const until = storeInput.plus(at, leaseMs, 'leaseMs');
    const rows = this.db.all<Row>(
      `UPDATE outbox SET claimed_by = ?, claimed_until = ?, attempts = attempts + 1
       WHERE id IN (
         SELECT id FROM outbox
         WHERE sent_at IS NULL AND dead_at IS NULL AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until <= ?)
         ORDER BY next_attempt_at, id LIMIT ?)
       RETURNING *`,
      storeInput.text(claimant, 'claimant'),
      until,
      at,
      at,
      storeInput.positiveInteger(limit, 'limit'),
    );
    return rows.map((row) => readOutboxMessage(row, sqliteColumns)).sort(byDueThenId);
  }

  async markOutboxSent(id: number, claimant: string, activityId: string | null = null): Promise<boolean> {
    return this.db.changed(
      `UPDATE outbox SET sent_at = ?, activity_id = ?, claimed_by = NULL, claimed_until = NULL, last_error = NULL
       WHERE id = ? AND sent_at IS NULL AND claimed_by = ?`,
      this.db.now(),
      activityId,
      id,
      storeInput.text(claimant, 'claimant'),
    );
  }

  async markOutboxFailed(id: number, claimant: string, error: string, nextAttemptAt: string | null): Promise<boolean> {
    const now = this.db.now();
    const next = nextAttemptAt === null ? null : storeInput.iso(nextAttemptAt, 'nextAttemptAt');
    return this.db.changed(
      `UPDATE outbox SET last_error = ?, claimed_by = NULL, claimed_until = NULL,
         next_attempt_at = COALESCE(?, next_attempt_at), dead_at = CASE WHEN ? IS NULL THEN ? ELSE NULL END
       WHERE id = ? AND sent_at IS NULL AND dead_at IS NULL AND claimed_by = ?`,
      error,
      next,
      next,
      now,
      id,
      storeInput.text(claimant, 'claimant'),
    );
  }

  async listOutbox(filter: OutboxFilter = {}): Promise<OutboxMessage[]> {
    const where = outboxStatusCondition(filter.status);
    const params: (string | number)[] = [];
    if (filter.kind !== undefined) {
      where.push('kind = ?');
      params.push(filter.kind);
    }
    params.push(storeInput.limit(filter.limit, 100));
    const rows = this.db.all<Row>(`SELECT * FROM outbox ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`, ...params);
    return rows.map((row) => readOutboxMessage(row, sqliteColumns));
  }
}
