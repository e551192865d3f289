/**
 * What an outbox message is, and so which one sender delivers it:
 * - `channel`: a `{ card, summary }` reply posted to a conversation;
 * - `suggestion-card`: a reservation suggestion's card, `{ suggestionId }`, posted to a conversation as
 *   the suggestion stands at sending time;
 * - `webhook`: a JSON body POSTed to a URL;
 * - `reclaim-card`: a reclaim request's card, `{ requestId }`, posted to a conversation as the request
 *   stands at sending time.
 */
export type OutboxKind = 'channel' | 'suggestion-card' | 'webhook' | 'reclaim-card';

export const OUTBOX_KINDS: readonly OutboxKind[] = ['channel', 'suggestion-card', 'webhook', 'reclaim-card'];

/** Kinds whose target is a Teams conversation id (paced per thread; a 403 means the bot was removed). */
export const CONVERSATION_KINDS: ReadonlySet<OutboxKind> = new Set<OutboxKind>(['channel', 'suggestion-card', 'reclaim-card']);

export interface NewOutboxMessage {
  kind: OutboxKind;
  /** A conversation id (`channel`, `suggestion-card`, `reclaim-card`) or a URL (`webhook`). */
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
