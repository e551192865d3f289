import { createHash } from 'node:crypto';
import type { ChatReply } from '../cards/chat-reply';
import type { NewOutboxMessage } from '../delivery/outbox-message';
import type { WatchedPlace } from '../delivery/watched-place';
import type { AlertTransition } from './alert-transition';

/**
 * One digest message per watched place. The dedupe key is derived from the transitions (SKU,
 * condition, kind and the state version each was computed from) and the place, so the same
 * transitions can never be enqueued twice for a place, whichever instance or retry computes them.
 */
export function buildAlertOutbox(
  transitions: readonly AlertTransition[],
  places: readonly WatchedPlace[],
  digest: ChatReply,
  now: Date,
): NewOutboxMessage[] {
  if (transitions.length === 0) {
    return [];
  }
  const fingerprint = transitions
    .map((t) => `${t.skuId.toLowerCase()}|${t.condition}|${t.kind}|${t.expectedVersion ?? 0}`)
    .sort()
    .join('\n');
  const digestKey = createHash('sha256').update(fingerprint).digest('hex').slice(0, 32);
  return places.map((place) => ({
    kind: 'channel',
    target: place.conversationId,
    payload: digest,
    dedupeKey: `alert-digest:${digestKey}:${place.conversationId}`,
    notBefore: now.toISOString(),
  }));
}
