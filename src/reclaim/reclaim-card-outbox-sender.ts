import type { ChannelSender } from '../delivery/channel-sender';
import { DeliveryError } from '../delivery/delivery-error';
import type { OutboxSender } from '../delivery/outbox-sender';
import type { ReclaimCardOptions } from './reclaim-card';
import type { ReclaimRequestStore } from './reclaim-request-store';
import { reclaimReply } from './reclaim-reply';

/** The payload of a `reclaim-card` outbox message; its target is the conversation to post to. */
export interface ReclaimCardPayload {
  requestId: string;
}

function requestIdOf(payload: unknown): string | null {
  if (typeof payload !== 'object' || payload === null) {
    return null;
  }
  const id = (payload as Record<string, unknown>).requestId;
  return typeof id === 'string' && id !== '' ? id : null;
}

/**
 * Delivers `reclaim-card` outbox messages: posts the request's card as it stands at sending time, then
 * records the posted activity so later changes update this copy in place. A payload without a request
 * id, or an id the store does not know, is a permanent failure.
 */
export function reclaimCardOutboxSender(options: {
  channels: ChannelSender;
  store: Pick<ReclaimRequestStore, 'getReclaimRequest' | 'setReclaimCardActivity' | 'listRemovalIntents' | 'listReprocessIntents'>;
  card: ReclaimCardOptions;
}): OutboxSender {
  return async (message) => {
    const requestId = requestIdOf(message.payload);
    if (requestId === null) {
      throw new DeliveryError(`Outbox message ${message.id} has no { requestId } payload`, null, null, { permanent: true });
    }
    const request = await options.store.getReclaimRequest(requestId);
    if (request === null) {
      throw new DeliveryError(`Outbox message ${message.id} names reclaim request ${requestId}, which is not stored`, null, null, { permanent: true });
    }
    const { activityId } = await options.channels.send(message.target, await reclaimReply(options.store, request, options.card));
    if (activityId !== '') {
      await options.store.setReclaimCardActivity(requestId, message.target, activityId);
    }
    return { activityId };
  };
}
