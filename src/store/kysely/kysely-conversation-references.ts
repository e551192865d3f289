import type { ConversationMeta, StoredConversationReference } from '../../delivery/conversation-reference';
import type { ConversationReferenceStore } from '../../delivery/conversation-reference-store';
import { storeInput } from '../store-input';
import { compiledOnce } from './compiled-once';
import type { StoreContext } from './store-context';

/** Conversation references for proactive messages. */
export class KyselyConversationReferences implements ConversationReferenceStore {
  /** Every chat turn saves its reference, nearly always unchanged: one compiled read, no write lock. */
  private readonly findSame;

  constructor(private readonly ctx: StoreContext) {
    this.findSame = compiledOnce<[string, string, string, string, string | null, string | null], { conversationId: string }>(
      ctx.db,
      6,
      (id, reference, tenant, type, team, channel) =>
        ctx.db
          .selectFrom('conversationReferences')
          .select('conversationId')
          .where('conversationId', '=', id)
          .where('reference', '=', reference)
          .where('tenantId', '=', tenant)
          .where('conversationType', '=', type)
          .where('teamId', 'is not distinct from', team)
          .where('channelName', 'is not distinct from', channel),
    );
  }

  async saveConversationReference(conversationId: string, reference: unknown, meta: ConversationMeta): Promise<void> {
    const row = {
      conversationId: storeInput.text(conversationId, 'conversationId'),
      reference: storeInput.json(reference),
      tenantId: storeInput.text(meta.tenantId, 'tenantId'),
      conversationType: storeInput.text(meta.conversationType, 'conversationType'),
      teamId: meta.teamId ?? null,
      channelName: meta.channelName ?? null,
    };
    const same = await this.findSame(row.conversationId, row.reference, row.tenantId, row.conversationType, row.teamId, row.channelName);
    if (same.length > 0) {
      return;
    }
    const updatedAt = this.ctx.now();
    await this.ctx.dialect.write(this.ctx.db, (trx) =>
      trx
        .insertInto('conversationReferences')
        .values({ ...row, updatedAt })
        .onConflict((oc) =>
          oc
            .column('conversationId')
            .doUpdateSet((eb) => ({
              reference: eb.ref('excluded.reference'),
              tenantId: eb.ref('excluded.tenantId'),
              conversationType: eb.ref('excluded.conversationType'),
              teamId: eb.ref('excluded.teamId'),
              channelName: eb.ref('excluded.channelName'),
              updatedAt: eb.ref('excluded.updatedAt'),
            }))
            .where((eb) =>
              eb.or([
                eb('conversationReferences.reference', 'is distinct from', eb.ref('excluded.reference')),
                eb('conversationReferences.tenantId', 'is distinct from', eb.ref('excluded.tenantId')),
                eb('conversationReferences.conversationType', 'is distinct from', eb.ref('excluded.conversationType')),
                eb('conversationReferences.teamId', 'is distinct from', eb.ref('excluded.teamId')),
                eb('conversationReferences.channelName', 'is distinct from', eb.ref('excluded.channelName')),
              ]),
            ),
        )
        .execute(),
    );
  }

  async getConversationReference(conversationId: string): Promise<StoredConversationReference | null> {
    const row = await this.ctx.db.selectFrom('conversationReferences').selectAll().where('conversationId', '=', conversationId).executeTakeFirst();
    return row ?? null;
  }
}
