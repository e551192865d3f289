import type { OutboxMessage } from './outbox-message';

/** What a sender reports about a delivered message. */
export interface OutboxDelivery {
  /** The id the far end gave the message (a Teams activity id), when it gives one. */
  activityId?: string;
}

/**
 * Delivers one outbox message of one kind (`channel`, `suggestion-card`, `webhook`). Resolves once the far end accepted
 * it; throws a `DeliveryError` carrying the far end's status (and Retry-After) otherwise, so the
 * dispatcher can decide between retrying and giving up. Anything else thrown counts as a transient
 * failure.
 */
export type OutboxSender = (message: OutboxMessage) => Promise<OutboxDelivery>;
