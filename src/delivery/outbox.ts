import type { NewOutboxMessage, OutboxFilter, OutboxMessage } from './outbox-message';

/** Messages waiting to be sent, claimed by one instance at a time. */
export interface Outbox {
  /** Enqueues messages; a message whose dedupeKey is already in the outbox is skipped. Returns the ids inserted. */
  enqueueOutbox(messages: readonly NewOutboxMessage[]): Promise<number[]>;
  /**
   * Atomically claims up to `limit` unsent, undead messages that are due (`nextAttemptAt <= now`) and not
   * claimed by a live claim, for `leaseMs`. Each claim counts as one attempt. Two claimants never get the
   * same message while a claim is live. Oldest due first.
   */
  claimDueOutbox(now: string, limit: number, claimant: string, leaseMs: number): Promise<OutboxMessage[]>;
  /**
   * Records delivery by `claimant`, the instance that claimed the message. False, changing nothing, when
   * the message is unknown, already sent, or no longer claimed by `claimant` (its claim ran out and
   * another instance claimed it, or settled it, since).
   */
  markOutboxSent(id: number, claimant: string, activityId?: string | null): Promise<boolean>;
  /**
   * Records a failed attempt by `claimant`: retry at `nextAttemptAt`, or give up (dead letter) when it is
   * null. False, changing nothing, when the message is unknown, settled, or no longer claimed by `claimant`.
   */
  markOutboxFailed(id: number, claimant: string, error: string, nextAttemptAt: string | null): Promise<boolean>;
  /** Messages for tests and operators, newest first. */
  listOutbox(filter?: OutboxFilter): Promise<OutboxMessage[]>;
}
