import type { ChatReply } from '../cards/chat-reply';
import type { ChannelSender } from '../delivery/channel-sender';
import type { Logger } from '../logger';
import type { Suggestion } from './suggestion';

/**
 * Replaces every posted copy of a suggestion's card (`cardActivities`) with `reply`, all at once. A
 * copy that cannot be updated is logged and skipped: the card's refresh action brings it up to date
 * the next time an approver looks at it. Resolves with how many copies were updated.
 */
export async function updateSuggestionCopies(
  channels: ChannelSender | null,
  suggestion: Suggestion,
  reply: ChatReply,
  logger: Logger,
): Promise<number> {
  if (channels === null) {
    return 0;
  }
  const copies = Object.entries(suggestion.cardActivities);
  const results = await Promise.allSettled(copies.map(([conversationId, activityId]) => channels.update(conversationId, activityId, reply)));
  let updated = 0;
  results.forEach((result, index) => {
    if (result.status === 'fulfilled') {
      updated += 1;
    } else {
      logger.warn('could not update a posted reservation suggestion card', {
        suggestionId: suggestion.id,
        conversationId: copies[index][0],
        error: result.reason,
      });
    }
  });
  return updated;
}
