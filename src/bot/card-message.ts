import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import type { ChatReply } from '../chat/chat-reply';

/** A message activity carrying one Adaptive Card and its plain-text summary. */
export function cardMessage(reply: ChatReply): Partial<Activity> {
  const message = MessageFactory.attachment(CardFactory.adaptiveCard(reply.card));
  message.summary = reply.summary;
  return message;
}
