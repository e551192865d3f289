import { readConversationReference, type ConversationReferenceRow } from '../records/conversation-reference-row';
import { storeInput } from '../store-input';
import type { ConversationMeta, StoredConversationReference } from '../store';
import type { ConversationsPart } from '../store-parts';
import { postgresColumns, type PostgresColumnTypes } from './postgres-columns';
import type { PostgresDatabase } from './postgres-database';

/** Conversation references for proactive messages. */
export class PostgresConversations implements ConversationsPart {
  constructor(private readonly db: PostgresDatabase) {}

  async saveConversationReference(conversationId: string, reference: unknown, meta: ConversationMeta): Promise<void> {
    await this.db.changed(
      `INSERT INTO conversation_references (conversation_id, reference, tenant_id, conversation_type, team_id, channel_name, updated_at)
       VALUES ($1, $2::jsonb, $3, $4, $5, $6, $7)
       ON CONFLICT (conversation_id) DO UPDATE SET reference = excluded.reference, tenant_id = excluded.tenant_id,
         conversation_type = excluded.conversation_type, team_id = excluded.team_id,
         channel_name = excluded.channel_name, updated_at = excluded.updated_at
       WHERE conversation_references.reference IS DISTINCT FROM excluded.reference
         OR conversation_references.tenant_id IS DISTINCT FROM excluded.tenant_id
         OR conversation_references.conversation_type IS DISTINCT FROM excluded.conversation_type
         OR conversation_references.team_id IS DISTINCT FROM excluded.team_id
         OR conversation_references.channel_name IS DISTINCT FROM excluded.channel_name`,
      [...storeInput.conversationReference(conversationId, reference, meta), this.db.now()],
    );
  }

  async getConversationReference(conversationId: string): Promise<StoredConversationReference | null> {
    const row = await this.db.one<ConversationReferenceRow<PostgresColumnTypes>>('SELECT * FROM conversation_references WHERE conversation_id = $1', [
      conversationId,
    ]);
    return row === null ? null : readConversationReference(row, postgresColumns);
  }
}
