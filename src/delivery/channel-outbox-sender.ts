import type { ChatReply } from '../cards/chat-reply';
import type { ChannelSender } from './channel-sender';
import { DeliveryError } from './delivery-error';
import type { OutboxSender } from './outbox-sender';

function isChatReply(payload: unknown): payload is ChatReply {
  if (typeof payload !== 'object' || payload === null) {
    return false;
  }
  const record = payload as Record<string, unknown>;
  return typeof record.card === 'object' && record.card !== null && typeof record.summary === 'string';
}

/**
 * Delivers `channel` outbox messages: the target is a conversation id and the payload a
 * `{ card, summary }` reply, posted as a new message through the proactive channel sender.
 */
export function channelOutboxSender(channels: ChannelSender): OutboxSender {
  return async (message) => {
    if (!isChatReply(message.payload)) {
      throw new DeliveryError(`Outbox message ${message.id} has no { card, summary } payload`, null, null, { permanent: true });
    }
    return channels.send(message.target, message.payload);
  };
}
