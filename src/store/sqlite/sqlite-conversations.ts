import { readConversationReference, type ConversationReferenceRow } from '../records/conversation-reference-row';
import { storeInput } from '../store-input';
import type { ConversationMeta, StoredConversationReference } from '../store';
import type { ConversationsPart } from '../store-parts';
import { sqliteColumns, type SqliteColumnTypes } from './sqlite-columns';
import type { SqliteDatabase } from './sqlite-database';

/** Conversation references for proactive messages. */
export class SqliteConversations implements ConversationsPart {
  constructor(private readonly db: SqliteDatabase) {}

  async saveConversationReference(conversationId: string, reference: unknown, meta: ConversationMeta): Promise<void> {
    this.db.changed(
      `INSERT INTO conversation_references (conversation_id, reference, tenant_id, conversation_type, team_id, channel_name, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (conversation_id) DO UPDATE SET reference = excluded.reference, tenant_id = excluded.tenant_id,
         conversation_type = excluded.conversation_type, team_id = excluded.team_id,
         channel_name = excluded.channel_name, updated_at = excluded.updated_at
       WHERE conversation_references.reference IS NOT excluded.reference
         OR conversation_references.tenant_id IS NOT excluded.tenant_id
         OR conversation_references.conversation_type IS NOT excluded.conversation_type
         OR conversation_references.team_id IS NOT excluded.team_id
         OR conversation_references.channel_name IS NOT excluded.channel_name`,
      ...storeInput.conversationReference(conversationId, reference, meta),
      this.db.now(),
    );
  }

  async getConversationReference(conversationId: string): Promise<StoredConversationReference | null> {
    const row = this.db.get<ConversationReferenceRow<SqliteColumnTypes>>('SELECT * FROM conversation_references WHERE conversation_id = ?', conversationId);
    return row === undefined ? null : readConversationReference(row, sqliteColumns);
  }
}
