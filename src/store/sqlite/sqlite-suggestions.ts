import { randomUUID } from 'node:crypto';
import { readSuggestion, type SuggestionRow } from '../records/suggestion-row';
import { storeInput } from '../store-input';
import { suggestionAuditEntries } from '../suggestion-audit-entries';
import { uniqueConflict } from '../unique-conflict';
import type { NewSuggestion, Suggestion, SuggestionStatus } from '../store';
import type { SuggestionsPart } from '../store-parts';
import { findSqliteSuggestion } from './find-sqlite-suggestion';
import { insertSqliteAudit } from './insert-sqlite-audit';
import { SQLITE_UNIQUE_CODES } from './sqlite-unique-codes';
import { sqliteColumns, type SqliteColumnTypes } from './sqlite-columns';
import type { SqliteDatabase } from './sqlite-database';

type Row = SuggestionRow<SqliteColumnTypes>;

/** Reservation suggestions: creating, finding and listing them, and where their cards are. */
export class SqliteSuggestions implements SuggestionsPart {
  constructor(private readonly db: SqliteDatabase) {}

  async createSuggestion(input: NewSuggestion): Promise<Suggestion> {
    const id = randomUUID();
    const columns = storeInput.newSuggestion(input);
    const now = this.db.now();
    return this.db.write(() => {
      try {
        this.db.changed(
          `INSERT INTO suggestions (id, sku_id, sku_part_number, display_name, quantity, reasoning, status, created_at, updated_at, version)
           VALUES (?, ?, ?, ?, ?, ?, 'proposed', ?, ?, 1)`,
          id,
          ...columns,
          now,
          now,
        );
      } catch (error) {
        throw uniqueConflict(error, SQLITE_UNIQUE_CODES, `An open reservation suggestion already exists for ${input.skuId}`);
      }
      insertSqliteAudit(this.db, suggestionAuditEntries.proposed(id, now, input));
      return findSqliteSuggestion(this.db, id, true);
    });
  }

  async getSuggestion(id: string): Promise<Suggestion | null> {
    return findSqliteSuggestion(this.db, id, false);
  }

  async getOpenSuggestion(skuId: string): Promise<Suggestion | null> {
    const row = this.db.get<Row>("SELECT * FROM suggestions WHERE sku_id = ? AND status IN ('proposed', 'approved')", skuId);
    return row === undefined ? null : readSuggestion(row, sqliteColumns);
  }

  async listSuggestions(options: { limit?: number; skuId?: string; statuses?: readonly SuggestionStatus[] } = {}): Promise<Suggestion[]> {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (options.skuId !== undefined) {
      where.push('sku_id = ?');
      params.push(options.skuId);
    }
    if (options.statuses !== undefined) {
      const statuses = options.statuses.map((s) => storeInput.suggestionStatus(s, 'statuses'));
      where.push(statuses.length === 0 ? '0' : `status IN (${statuses.map(() => '?').join(', ')})`);
      params.push(...statuses);
    }
    params.push(storeInput.limit(options.limit, 50));
    const rows = this.db.all<Row>(
      `SELECT * FROM suggestions ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC LIMIT ?`,
      ...params,
    );
    return rows.map((row) => readSuggestion(row, sqliteColumns));
  }

  async setCardActivity(id: string, conversationId: string, activityId: string): Promise<void> {
    this.db.write(() => {
      const current = findSqliteSuggestion(this.db, id, true);
      const activities = { ...current.cardActivities, [conversationId]: activityId };
      this.db.changed('UPDATE suggestions SET card_activities = ? WHERE id = ?', JSON.stringify(activities), id);
    });
  }
}
