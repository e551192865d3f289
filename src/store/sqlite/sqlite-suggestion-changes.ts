import { readSuggestion, type SuggestionRow } from '../records/suggestion-row';
import { readSuggestionAudit, type SuggestionAuditRow } from '../records/suggestion-audit-row';
import { storeInput } from '../store-input';
import { suggestionAuditEntries } from '../suggestion-audit-entries';
import { uniqueConflict } from '../unique-conflict';
import type { SuggestionAuditEntry, SuggestionChangeResult, SuggestionProposalPatch, SuggestionTransition } from '../store';
import type { SuggestionChangesPart } from '../store-parts';
import { findSqliteSuggestion } from './find-sqlite-suggestion';
import { insertSqliteAudit } from './insert-sqlite-audit';
import { insertSqliteOutbox } from './insert-sqlite-outbox';
import { SQLITE_UNIQUE_CODES } from './sqlite-unique-codes';
import { sqliteColumns, type SqliteColumnTypes } from './sqlite-columns';
import type { SqliteDatabase } from './sqlite-database';

/** Conditional changes to a suggestion, and the audit trail they leave. */
export class SqliteSuggestionChanges implements SuggestionChangesPart {
  constructor(private readonly db: SqliteDatabase) {}

  async updateSuggestionProposal(id: string, expectedVersion: number, patch: SuggestionProposalPatch): Promise<SuggestionChangeResult> {
    const valid = storeInput.proposalPatch(patch);
    const now = this.db.now();
    return this.db.write((): SuggestionChangeResult => {
      const row = this.db.get<SuggestionRow<SqliteColumnTypes>>(
        `UPDATE suggestions SET quantity = COALESCE(?, quantity), reasoning = COALESCE(?, reasoning),
           display_name = COALESCE(?, display_name), sku_part_number = COALESCE(?, sku_part_number),
           updated_at = ?, version = version + 1
         WHERE id = ? AND version = ? RETURNING *`,
        valid.quantity,
        valid.reasoning,
        valid.displayName,
        valid.skuPartNumber,
        now,
        id,
        expectedVersion,
      );
      if (row !== undefined) {
        return { ok: true, suggestion: readSuggestion(row, sqliteColumns) };
      }
      return { ok: false, current: findSqliteSuggestion(this.db, id, true) };
    });
  }

  async transitionSuggestion(id: string, transition: SuggestionTransition): Promise<SuggestionChangeResult> {
    const valid = storeInput.suggestionTransition(transition, this.db.now());
    return this.db.write((): SuggestionChangeResult => {
      const current = findSqliteSuggestion(this.db, id, true);
      if (!valid.from.includes(current.status)) {
        return { ok: false, current };
      }
      try {
        this.db.changed(
          `UPDATE suggestions SET status = ?, quantity = COALESCE(?, quantity), updated_at = ?, snoozed_until = ?,
             purchased_at_approval = COALESCE(?, purchased_at_approval),
             decided_by = CASE WHEN ? THEN ? ELSE decided_by END,
             decided_by_name = CASE WHEN ? THEN ? ELSE decided_by_name END,
             decided_at = CASE WHEN ? THEN ? ELSE decided_at END,
             version = version + 1
           WHERE id = ?`,
          valid.to,
          valid.quantity,
          valid.at,
          valid.snoozedUntil,
          valid.purchasedAtApproval,
          +valid.deciding,
          valid.actor,
          +valid.deciding,
          valid.actorName,
          +valid.deciding,
          valid.at,
          id,
        );
      } catch (error) {
        throw uniqueConflict(error, SQLITE_UNIQUE_CODES, `Another open reservation suggestion exists for ${current.skuId}`);
      }
      const updated = findSqliteSuggestion(this.db, id, true);
      insertSqliteAudit(this.db, suggestionAuditEntries.transition(id, valid, current.status, updated.quantity));
      insertSqliteOutbox(this.db, valid.outbox, valid.at);
      return { ok: true, suggestion: updated };
    });
  }

  async listAudit(suggestionId: string): Promise<SuggestionAuditEntry[]> {
    const rows = this.db.all<SuggestionAuditRow<SqliteColumnTypes>>('SELECT * FROM suggestion_audit WHERE suggestion_id = ? ORDER BY id', suggestionId);
    return rows.map((row) => readSuggestionAudit(row, sqliteColumns));
  }
}
