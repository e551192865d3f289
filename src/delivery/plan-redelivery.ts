import { DeliveryError } from './delivery-error';
import { CONVERSATION_KINDS, type OutboxKind } from './outbox-message';

/** How the outbox retries: exponential backoff from `baseMs`, at most `maxMs`, up to `maxAttempts` attempts. */
export interface BackoffSettings {
  baseMs: number;
  maxMs: number;
  maxAttempts: number;
}

/** What to do with a message whose delivery failed. */
export interface Redelivery {
  /** ISO time of the next attempt; null means give up (dead letter). */
  nextAttemptAt: string | null;
  /** The far end said the bot may no longer post there (403 on a channel). */
  placeGone: boolean;
  /** A short reason for the outbox row and the log. */
  reason: string;
}

/** Statuses worth retrying after a backoff: a request timeout, precondition races and gateway/availability trouble. */
const TRANSIENT = new Set([408, 412, 500, 502, 503, 504]);

/**
 * Decides what happens after a failed attempt (`attempts` counts this one):
 * - 429: retry at now + Retry-After (the backoff when the header is missing);
 * - 408, 412, 500, 502, 503, 504, a network failure (no status) or an unexpected error: exponential
 *   backoff, `baseMs * 2^(attempts-1)` capped at `maxMs`, scaled by `jitter` (0.5-1);
 * - 403 on a conversation (`channel`, `suggestion-card`): give up, and the place is gone (the bot was removed);
 * - any other 4xx, or an error marked permanent: give up at once;
 * - after `maxAttempts` attempts any retry becomes giving up.
 */
export function planRedelivery(
  error: unknown,
  attempts: number,
  kind: OutboxKind,
  now: Date,
  backoff: BackoffSettings,
  jitter: number,
): Redelivery {
  const status = error instanceof DeliveryError ? error.status : null;
  const reason = `${status === null ? 'no status' : `HTTP ${status}`}: ${error instanceof Error ? error.message : String(error)}`.slice(0, 500);
  const giveUp = (why: string, placeGone = false): Redelivery => ({ nextAttemptAt: null, placeGone, reason: `${why}; ${reason}` });
  if (error instanceof DeliveryError && error.permanent) {
    return giveUp('permanent failure');
  }
  if (status === 403 && CONVERSATION_KINDS.has(kind)) {
    return giveUp('the bot can no longer post here', true);
  }
  const retryable = status === null || status === 429 || TRANSIENT.has(status) || status >= 500;
  if (!retryable) {
    return giveUp('not retried');
  }
  if (attempts >= backoff.maxAttempts) {
    return giveUp(`gave up after ${attempts} attempts`);
  }
  const retryAfter = error instanceof DeliveryError && status === 429 ? error.retryAfterSeconds : null;
  const delayMs =
    retryAfter !== null && retryAfter >= 0
      ? retryAfter * 1000
      : Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, attempts - 1)) * (0.5 + 0.5 * Math.min(1, Math.max(0, jitter)));
  return { nextAttemptAt: new Date(now.getTime() + Math.round(delayMs)).toISOString(), placeGone: false, reason };
}
