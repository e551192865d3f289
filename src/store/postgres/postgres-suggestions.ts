import { randomUUID } from 'node:crypto';
import { NotFoundError } from '../../errors';
import { readSuggestion, type SuggestionRow } from '../records/suggestion-row';
import { storeInput } from '../store-input';
import { suggestionAuditEntries } from '../suggestion-audit-entries';
import { uniqueConflict } from '../unique-conflict';
import type { NewSuggestion, Suggestion, SuggestionStatus } from '../store';
import type { SuggestionsPart } from '../store-parts';
import { insertPostgresAudit } from './insert-postgres-audit';
import { POSTGRES_UNIQUE_CODES } from './postgres-unique-codes';
import { postgresColumns, type PostgresColumnTypes } from './postgres-columns';
import type { PostgresDatabase } from './postgres-database';

type Row = SuggestionRow<PostgresColumnTypes>;

/** Reservation suggestions: creating, finding and listing them, and where their cards are. */
export class PostgresSuggestions implements SuggestionsPart {
  constructor(private readonly db: PostgresDatabase) {}

  async createSuggestion(input: NewSuggestion): Promise<Suggestion> {
    const id = randomUUID();
    const now = this.db.now();
    const params = [id, ...storeInput.newSuggestion(input), now];
    return this.db.transaction(async (client) => {
      let row: Row | null;
      try {
        row = await this.db.one<Row>(
          `INSERT INTO suggestions (id, sku_id, sku_part_number, display_name, quantity, reasoning, status, created_at, updated_at, version)
           VALUES ($1, $2, $3, $4, $5, $6::jsonb, 'proposed', $7, $7, 1) RETURNING *`,
          params,
          client,
        );
      } catch (error) {
        throw uniqueConflict(error, POSTGRES_UNIQUE_CODES, `An open reservation suggestion already exists for ${input.skuId}`);
      }
      await insertPostgresAudit(client, suggestionAuditEntries.proposed(id, now, input));
      return readSuggestion(row as Row, postgresColumns);
    });
  }

  async getSuggestion(id: string): Promise<Suggestion | null> {
    const row = await this.db.one<Row>('SELECT * FROM suggestions WHERE id = $1', [id]);
    return row === null ? null : readSuggestion(row, postgresColumns);
  }

  async getOpenSuggestion(skuId: string): Promise<Suggestion | null> {
    const row = await this.db.one<Row>("SELECT * FROM suggestions WHERE sku_id = $1 AND status IN ('proposed', 'approved')", [skuId]);
    return row === null ? null : readSuggestion(row, postgresColumns);
  }

  async listSuggestions(options: { limit?: number; skuId?: string; statuses?: readonly SuggestionStatus[] } = {}): Promise<Suggestion[]> {
    const where: string[] = [];
    const params: (string | number | string[])[] = [];
    if (options.skuId !== undefined) {
      params.push(options.skuId);
      where.push(`sku_id = $${params.length}`);
    }
    if (options.statuses !== undefined) {
      params.push(options.statuses.map((s) => storeInput.suggestionStatus(s, 'statuses')));
      where.push(`status = ANY($${params.length}::text[])`);
    }
    params.push(storeInput.limit(options.limit, 50));
    const rows = await this.db.all<Row>(
      `SELECT * FROM suggestions ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map((row) => readSuggestion(row, postgresColumns));
  }

  async setCardActivity(id: string, conversationId: string, activityId: string): Promise<void> {
    const updated = await this.db.changed(
      'UPDATE suggestions SET card_activities = card_activities || jsonb_build_object($2::text, $3::text) WHERE id = $1',
      [id, storeInput.text(conversationId, 'conversationId'), storeInput.text(activityId, 'activityId')],
    );
    if (!updated) {
      throw new NotFoundError(`No reservation suggestion ${id}`);
    }
  }
}
