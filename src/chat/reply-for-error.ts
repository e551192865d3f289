import { buildMessageCard, summarizeMessage, type MessageTone } from '../cards/message-card';
import { renderCard } from '../cards/render-card';
import { ConflictError, ForbiddenError, NotFoundError, UnavailableError, ValidationError, type HeadroomError } from '../errors';
import type { ChatReply } from '../cards/chat-reply';

function titleAndTone(error: HeadroomError): { title: string; tone: MessageTone } {
  if (error instanceof ValidationError) {
    return { title: "I didn't understand that", tone: 'warning' };
  }
  if (error instanceof NotFoundError) {
    return { title: 'Not found', tone: 'warning' };
  }
  if (error instanceof ForbiddenError) {
    return { title: 'Not allowed', tone: 'attention' };
  }
  if (error instanceof UnavailableError) {
    return { title: 'Microsoft Graph is not answering', tone: 'attention' };
  }
  if (error instanceof ConflictError) {
    return { title: 'That changed in the meantime', tone: 'warning' };
  }
  return { title: 'Something is off', tone: 'warning' };
}

/** A plain, helpful reply for an error Headroom can explain. */
export function replyForError(error: HeadroomError): ChatReply {
  const { title, tone } = titleAndTone(error);
  const message = { title, text: error.message, tone };
  return { card: renderCard('message', buildMessageCard(message)), summary: summarizeMessage(message) };
}
