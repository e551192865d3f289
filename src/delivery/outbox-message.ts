export type OutboxKind = 'channel' | 'webhook';

export interface NewOutboxMessage {
  kind: OutboxKind;
  /** A conversation id (`channel`) or a URL (`webhook`). */
  target: string;
  payload: unknown;
  /** Unique across the outbox: enqueueing the same key again is a no-op. */
  dedupeKey: string;
  /** First attempt not before this time; defaults to the store clock's now. */
  notBefore?: string;
}

/** A message in the outbox, with its delivery state. */
export interface OutboxMessage {
  id: number;
  kind: OutboxKind;
  target: string;
  payload: unknown;
  dedupeKey: string;
  createdAt: string;
  /** How many times the message was claimed for sending. */
  attempts: number;
  nextAttemptAt: string;
  claimedBy: string | null;
  claimedUntil: string | null;
  sentAt: string | null;
  /** The Teams activity id of a sent channel message. */
  activityId: string | null;
  lastError: string | null;
  /** Set when Headroom gave up on the message. */
  deadAt: string | null;
}

export interface OutboxFilter {
  status?: 'pending' | 'sent' | 'dead';
  kind?: OutboxKind;
  limit?: number;
}
