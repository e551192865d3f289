import { randomUUID } from 'node:crypto';
import type { NewSuggestion, Suggestion, SuggestionStatus } from '../../reservations/suggestion';
import type { SuggestionStore } from '../../reservations/suggestion-store';
import { storeInput } from '../store-input';
import { suggestionAuditEntries } from '../suggestion-audit-entries';
import { uniqueConflict } from '../unique-conflict';
import { findSuggestion } from './find-suggestion';
import { insertAudit } from './insert-audit';
import type { StoreContext } from './store-context';

type SuggestionReads = Pick<SuggestionStore, 'createSuggestion' | 'getSuggestion' | 'getOpenSuggestion' | 'listSuggestions' | 'setCardActivity'>;

/** Reservation suggestions: creating, finding and listing them, and where their cards are. */
export class KyselySuggestions implements SuggestionReads {
  constructor(private readonly ctx: StoreContext) {}

  async createSuggestion(input: NewSuggestion): Promise<Suggestion> {
    const now = this.ctx.now();
    const values = {
      id: randomUUID(),
      skuId: storeInput.text(input.skuId, 'skuId'),
      skuPartNumber: input.skuPartNumber,
      displayName: input.displayName,
      quantity: storeInput.positiveInteger(input.quantity, 'quantity'),
      reasoning: storeInput.json(input.reasoning),
      status: 'proposed' as const,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    return this.ctx.dialect.write(this.ctx.db, async (trx) => {
      let created: Suggestion;
      try {
        created = await trx.insertInto('suggestions').values(values).returningAll().executeTakeFirstOrThrow();
      } catch (error) {
        throw uniqueConflict(error, `An open reservation suggestion already exists for ${input.skuId}`);
      }
      await insertAudit(trx, suggestionAuditEntries.proposed(values.id, now, input));
      return created;
    });
  }

  async getSuggestion(id: string): Promise<Suggestion | null> {
    const row = await this.ctx.db.selectFrom('suggestions').selectAll().where('id', '=', id).executeTakeFirst();
    return row ?? null;
  }

  async getOpenSuggestion(skuId: string): Promise<Suggestion | null> {
    const row = await this.ctx.db
      .selectFrom('suggestions')
      .selectAll()
      .where('skuId', '=', skuId)
      .where('status', 'in', storeInput.openStatuses)
      .executeTakeFirst();
    return row ?? null;
  }

  async listSuggestions(options: { limit?: number; skuId?: string; statuses?: readonly SuggestionStatus[] } = {}): Promise<Suggestion[]> {
    const limit = storeInput.limit(options.limit, 50);
    let query = this.ctx.db.selectFrom('suggestions').selectAll();
    if (options.skuId !== undefined) {
      query = query.where('skuId', '=', options.skuId);
    }
    if (options.statuses !== undefined) {
      const statuses = options.statuses.map((s) => storeInput.suggestionStatus(s, 'statuses'));
      if (statuses.length === 0) {
        return [];
      }
      query = query.where('status', 'in', statuses);
    }
    return query.orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(limit).execute();
  }

  async setCardActivity(id: string, conversationId: string, activityId: string): Promise<void> {
    await this.ctx.dialect.write(this.ctx.db, async (trx) => {
      const current = await findSuggestion(trx, id, this.ctx.dialect);
      const activities = { ...current.cardActivities, [conversationId]: activityId };
      await trx.updateTable('suggestions').set({ cardActivities: JSON.stringify(activities) }).where('id', '=', id).execute();
    });
  }
}
