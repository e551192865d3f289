import type { SuggestionCardOptions } from './suggestion-card';
import type { ChannelSender } from '../delivery/channel-sender';
import { DeliveryError } from '../delivery/delivery-error';
import type { OutboxSender } from '../delivery/outbox-sender';
import type { SuggestionStore } from './suggestion-store';
import { suggestionReply } from './suggestion-reply';

/** The payload of a `suggestion-card` outbox message; its target is the conversation to post to. */
export interface SuggestionCardPayload {
  suggestionId: string;
}

function suggestionIdOf(payload: unknown): string | null {
  if (typeof payload !== 'object' || payload === null) {
    return null;
  }
  const id = (payload as Record<string, unknown>).suggestionId;
  return typeof id === 'string' && id !== '' ? id : null;
}

/**
 * Delivers `suggestion-card` outbox messages: posts the suggestion's card as it stands at sending time
 * (a retry never posts a stale decision), then records the posted activity with
 * `store.setCardActivity` so later decisions update this copy too. A payload without a suggestion id,
 * or an id the store does not know, is a permanent failure: there is nothing right to post.
 */
export function suggestionCardOutboxSender(options: {
  channels: ChannelSender;
  store: Pick<SuggestionStore, 'getSuggestion' | 'setCardActivity'>;
  card: Omit<SuggestionCardOptions, 'notice'>;
}): OutboxSender {
  return async (message) => {
    const suggestionId = suggestionIdOf(message.payload);
    if (suggestionId === null) {
      throw new DeliveryError(`Outbox message ${message.id} has no { suggestionId } payload`, null, null, { permanent: true });
    }
    const suggestion = await options.store.getSuggestion(suggestionId);
    if (suggestion === null) {
      throw new DeliveryError(`Outbox message ${message.id} names suggestion ${suggestionId}, which is not stored`, null, null, { permanent: true });
    }
    const { activityId } = await options.channels.send(message.target, suggestionReply(suggestion, options.card));
    if (activityId !== '') {
      await options.store.setCardActivity(suggestionId, message.target, activityId);
    }
    return { activityId };
  };
}
