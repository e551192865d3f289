import type { OutboxKind, OutboxMessage } from '../store';
import type { ColumnReader, ColumnTypes } from './column-reader';

/** An `outbox` row. */
export interface OutboxRow<C extends ColumnTypes> {
  id: C['bigint'];
  kind: OutboxKind;
  target: string;
  payload: C['json'];
  dedupe_key: string;
  created_at: C['time'];
  attempts: number;
  next_attempt_at: C['time'];
  claimed_by: string | null;
  claimed_until: C['time'] | null;
  sent_at: C['time'] | null;
  activity_id: string | null;
  last_error: string | null;
  dead_at: C['time'] | null;
}

export function readOutboxMessage<C extends ColumnTypes>(row: OutboxRow<C>, read: ColumnReader<C>): OutboxMessage {
  return {
    id: read.bigint(row.id),
    kind: row.kind,
    target: row.target,
    payload: read.json(row.payload),
    dedupeKey: row.dedupe_key,
    createdAt: read.time(row.created_at),
    attempts: row.attempts,
    nextAttemptAt: read.time(row.next_attempt_at),
    claimedBy: row.claimed_by,
    claimedUntil: read.timeOrNull(row.claimed_until),
    sentAt: read.timeOrNull(row.sent_at),
    activityId: row.activity_id,
    lastError: row.last_error,
    deadAt: read.timeOrNull(row.dead_at),
  };
}
