import type { SuggestionAuditEntry, SuggestionChangeResult, SuggestionProposalPatch, SuggestionTransition } from '../../reservations/suggestion';
import type { SuggestionStore } from '../../reservations/suggestion-store';
import { storeInput } from '../store-input';
import { suggestionAuditEntries } from '../suggestion-audit-entries';
import { uniqueConflict } from '../unique-conflict';
import { findSuggestion } from './find-suggestion';
import { insertAudit } from './insert-audit';
import { insertOutbox } from './insert-outbox';
import type { StoreContext } from './store-context';

type SuggestionChanges = Pick<SuggestionStore, 'updateSuggestionProposal' | 'transitionSuggestion' | 'listAudit'>;

/**
 * Conditional changes to a suggestion and the audit trail they leave. Each reads the row locked (SQLite's
 * write lock, PostgreSQL's row lock), decides, and writes in the same transaction: of two racing
 * changes, the second sees the first's outcome.
 */
export class KyselySuggestionChanges implements SuggestionChanges {
  constructor(private readonly ctx: StoreContext) {}

  async updateSuggestionProposal(id: string, expectedVersion: number, patch: SuggestionProposalPatch): Promise<SuggestionChangeResult> {
    const valid = storeInput.proposalPatch(patch);
    const now = this.ctx.now();
    return this.ctx.dialect.write(this.ctx.db, async (trx): Promise<SuggestionChangeResult> => {
      const current = await findSuggestion(trx, id, this.ctx.dialect);
      if (current.version !== expectedVersion) {
        return { ok: false, current };
      }
      const suggestion = await trx
        .updateTable('suggestions')
        .set((eb) => ({
          ...(valid.quantity === null ? {} : { quantity: valid.quantity }),
          ...(valid.reasoning === null ? {} : { reasoning: valid.reasoning }),
          ...(valid.displayName === null ? {} : { displayName: valid.displayName }),
          ...(valid.skuPartNumber === null ? {} : { skuPartNumber: valid.skuPartNumber }),
          updatedAt: now,
          version: eb('version', '+', 1),
        }))
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return { ok: true, suggestion };
    });
  }

  async transitionSuggestion(id: string, transition: SuggestionTransition): Promise<SuggestionChangeResult> {
    const valid = storeInput.suggestionTransition(transition, this.ctx.now());
    return this.ctx.dialect.write(this.ctx.db, async (trx): Promise<SuggestionChangeResult> => {
      const current = await findSuggestion(trx, id, this.ctx.dialect);
      if (!valid.from.includes(current.status)) {
        return { ok: false, current };
      }
      const decided = valid.deciding ? { decidedBy: valid.actor, decidedByName: valid.actorName, decidedAt: valid.at } : {};
      let suggestion;
      try {
        suggestion = await trx
          .updateTable('suggestions')
          .set((eb) => ({
            status: valid.to,
            quantity: valid.quantity ?? current.quantity,
            updatedAt: valid.at,
            snoozedUntil: valid.snoozedUntil,
            purchasedAtApproval: valid.purchasedAtApproval ?? current.purchasedAtApproval,
            ...decided,
            version: eb('version', '+', 1),
          }))
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow();
      } catch (error) {
        throw uniqueConflict(error, `Another open reservation suggestion exists for ${current.skuId}`);
      }
      await insertAudit(trx, suggestionAuditEntries.transition(id, valid, current.status, suggestion.quantity));
      await insertOutbox(trx, valid.outbox, valid.at);
      return { ok: true, suggestion };
    });
  }

  async listAudit(suggestionId: string): Promise<SuggestionAuditEntry[]> {
    return this.ctx.db.selectFrom('suggestionAudit').selectAll().where('suggestionId', '=', suggestionId).orderBy('id').execute();
  }
}
