/** Where a chat message was sent. */
export type ConversationKind = 'personal' | 'channel' | 'groupChat';

/** A chat message reduced to what Headroom's answers need, free of any bot framework type. */
export interface ChatRequest {
  /** The message text with the bot's @mention removed. */
  text: string;
  tenantId: string;
  user: { aadObjectId: string | null; name: string };
  conversation: { id: string; kind: ConversationKind; teamId: string | null };
}
