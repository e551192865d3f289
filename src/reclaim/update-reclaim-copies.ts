import type { ChatReply } from '../cards/chat-reply';
import type { ChannelSender } from '../delivery/channel-sender';
import { updatePostedCopies } from '../delivery/update-posted-copies';
import type { Logger } from '../logger';
import type { ReclaimRequest } from './reclaim-request';

/** Replaces every posted copy of a request's card with `reply`; resolves with how many were updated. */
export function updateReclaimCopies(channels: ChannelSender | null, request: ReclaimRequest, reply: ChatReply, logger: Logger): Promise<number> {
  return updatePostedCopies(channels, request.cardActivities, reply, logger, {
    message: 'could not update a posted reclaim card',
    context: { requestId: request.id },
  });
}
