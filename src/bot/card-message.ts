import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import type { ChatReply } from '../cards/chat-reply';

/**
 * The message built for each reply object. The chat answers reuse one reply per figures version, so
 * the many turns that get the same reply share one message too; botbuilder copies an activity before
 * it fills in the conversation, so sharing it is safe. Keyed weakly: a reply no longer kept anywhere
 * takes its message with it.
 */
const messages = new WeakMap<ChatReply, Partial<Activity>>();

/** A message activity carrying one Adaptive Card and its plain-text summary. */
export function cardMessage(reply: ChatReply): Partial<Activity> {
  const known = messages.get(reply);
  if (known !== undefined) {
    return known;
  }
  const message = MessageFactory.attachment(CardFactory.adaptiveCard(reply.card));
  message.summary = reply.summary;
  messages.set(reply, message);
  return message;
}
