import type { ChatReply } from '../cards/chat-reply';
import type { ChatRequest } from './chat-request';

/** Answers one chat message. The bot edge calls it; it knows nothing of the bot framework. */
export interface ChatResponder {
  respond(request: ChatRequest): Promise<ChatReply>;
}
