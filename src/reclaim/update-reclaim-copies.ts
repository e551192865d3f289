import type { ChatReply } from '../cards/chat-reply';
import type { ChannelSender } from '../delivery/channel-sender';
import type { Logger } from '../logger';
import type { ReclaimRequest } from './reclaim-request';

/**
 * Replaces every posted copy of a request's card with `reply`, all at once. A copy that cannot be
 * updated is logged and skipped: the card's refresh brings it up to date when an approver looks at it.
 * Resolves with how many copies were updated.
 */
export async function updateReclaimCopies(channels: ChannelSender | null, request: ReclaimRequest, reply: ChatReply, logger: Logger): Promise<number> {
  if (channels === null) {
    return 0;
  }
  const copies = Object.entries(request.cardActivities);
  const results = await Promise.allSettled(copies.map(([conversationId, activityId]) => channels.update(conversationId, activityId, reply)));
  let updated = 0;
  results.forEach((result, index) => {
    if (result.status === 'fulfilled') {
      updated += 1;
    } else {
      logger.warn('could not update a posted reclaim card', { requestId: request.id, conversationId: copies[index]?.[0], error: result.reason });
    }
  });
  return updated;
}
