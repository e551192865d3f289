import type { ChatReply } from '../cards/chat-reply';

/**
 * Sends cards to conversations Headroom has seen before (proactive messages), using the conversation
 * reference stored when the bot was installed or last spoken to. The bot edge implements it; failures
 * are `DeliveryError`s carrying the connector's status so callers can decide whether to retry.
 */
export interface ChannelSender {
  /** Posts a new message; resolves with the id the connector gave it. */
  send(conversationId: string, reply: ChatReply): Promise<{ activityId: string }>;
  /** Replaces a message sent earlier (an updated card). */
  update(conversationId: string, activityId: string, reply: ChatReply): Promise<void>;
}
