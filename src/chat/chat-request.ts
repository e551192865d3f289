/** Where a chat message was sent. */
export type ConversationKind = 'personal' | 'channel' | 'groupChat';

/** A chat message reduced to what Headroom's answers need, free of any bot framework type. */
export interface ChatRequest {
  /** The message text with the bot's @mention removed, at most MAX_CHAT_TEXT_LENGTH characters. */
  text: string;
  /** True when the message was longer than MAX_CHAT_TEXT_LENGTH: `text` is cut and is not answered. */
  tooLong?: boolean;
  tenantId: string;
  user: { aadObjectId: string | null; name: string };
  conversation: { id: string; kind: ConversationKind; teamId: string | null };
}
