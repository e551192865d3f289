import type { ChatReply } from '../cards/chat-reply';
import type { ChannelSender } from '../delivery/channel-sender';
import { updatePostedCopies } from '../delivery/update-posted-copies';
import type { Logger } from '../logger';
import type { Suggestion } from './suggestion';

/** Replaces every posted copy of a suggestion's card with `reply`; resolves with how many were updated. */
export function updateSuggestionCopies(channels: ChannelSender | null, suggestion: Suggestion, reply: ChatReply, logger: Logger): Promise<number> {
  return updatePostedCopies(channels, suggestion.cardActivities, reply, logger, {
    message: 'could not update a posted reservation suggestion card',
    context: { suggestionId: suggestion.id },
  });
}
