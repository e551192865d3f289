import type { ConversationMeta, StoredConversationReference } from './conversation-reference';

/** Where the conversation references for proactive messages are kept. */
export interface ConversationReferenceStore {
  /**
   * Stores (or replaces) the Bot Framework conversation reference used for proactive messages. Saving
   * the same reference and metadata again writes nothing (every chat turn saves it).
   */
  saveConversationReference(conversationId: string, reference: unknown, meta: ConversationMeta): Promise<void>;
  /** The stored reference, or null when Headroom has never seen the conversation. */
  getConversationReference(conversationId: string): Promise<StoredConversationReference | null>;
}
