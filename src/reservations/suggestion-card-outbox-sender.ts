import type { SuggestionCardOptions } from './suggestion-card';
import type { ChannelSender } from '../delivery/channel-sender';
import type { OutboxSender } from '../delivery/outbox-sender';
import type { SuggestionStore } from './suggestion-store';
import { suggestionReply } from './suggestion-reply';

/** The payload of a `channel` outbox message that posts a suggestion's card. */
export interface SuggestionCardPayload {
  suggestionId: string;
  card: Record<string, unknown>;
  summary: string;
}

function suggestionIdOf(payload: unknown): string | null {
  if (typeof payload !== 'object' || payload === null) {
    return null;
  }
  const id = (payload as Record<string, unknown>).suggestionId;
  return typeof id === 'string' ? id : null;
}

/**
 * Wraps the `channel` outbox sender so that a message carrying a `suggestionId` posts the suggestion's
 * card as it stands at sending time (a retry never posts a stale decision) and then records the posted
 * activity with `store.setCardActivity`, so later decisions update this copy too. Other channel
 * messages go to `inner` unchanged.
 */
export function suggestionCardOutboxSender(options: {
  inner: OutboxSender;
  channels: ChannelSender;
  store: Pick<SuggestionStore, 'getSuggestion' | 'setCardActivity'>;
  card: Omit<SuggestionCardOptions, 'notice'>;
}): OutboxSender {
  return async (message) => {
    const suggestionId = suggestionIdOf(message.payload);
    if (suggestionId === null) {
      return options.inner(message);
    }
    const suggestion = await options.store.getSuggestion(suggestionId);
    if (suggestion === null) {
      return options.inner(message);
    }
    const { activityId } = await options.channels.send(message.target, suggestionReply(suggestion, options.card));
    if (activityId !== '') {
      await options.store.setCardActivity(suggestionId, message.target, activityId);
    }
    return { activityId };
  };
}
