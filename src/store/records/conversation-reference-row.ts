import type { StoredConversationReference } from '../store';
import type { ColumnReader, ColumnTypes } from './column-reader';

/** A `conversation_references` row. */
export interface ConversationReferenceRow<C extends ColumnTypes> {
  conversation_id: string;
  reference: C['json'];
  tenant_id: string;
  conversation_type: string;
  team_id: string | null;
  channel_name: string | null;
  updated_at: C['time'];
}

export function readConversationReference<C extends ColumnTypes>(row: ConversationReferenceRow<C>, read: ColumnReader<C>): StoredConversationReference {
  return {
    conversationId: row.conversation_id,
    reference: read.json(row.reference),
    tenantId: row.tenant_id,
    conversationType: row.conversation_type,
    teamId: row.team_id,
    channelName: row.channel_name,
    updatedAt: read.time(row.updated_at),
  };
}
