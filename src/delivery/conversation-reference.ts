/** What Headroom keeps about a conversation besides its reference. */
export interface ConversationMeta {
  tenantId: string;
  /** Teams `conversationType`: `personal`, `groupChat` or `channel`. */
  conversationType: string;
  teamId?: string | null;
  channelName?: string | null;
}

/** A conversation reference kept for proactive messages. */
export interface StoredConversationReference {
  conversationId: string;
  /** The Bot Framework ConversationReference, as JSON. */
  reference: unknown;
  tenantId: string;
  conversationType: string;
  teamId: string | null;
  channelName: string | null;
  /** When the reference or its metadata last changed. */
  updatedAt: string;
}
