import { readSuggestion, type SuggestionRow } from '../records/suggestion-row';
import { readSuggestionAudit, type SuggestionAuditRow } from '../records/suggestion-audit-row';
import { storeInput } from '../store-input';
import { suggestionAuditEntries } from '../suggestion-audit-entries';
import { uniqueConflict } from '../unique-conflict';
import type { SuggestionAuditEntry, SuggestionChangeResult, SuggestionProposalPatch, SuggestionTransition } from '../store';
import type { SuggestionChangesPart } from '../store-parts';
import { insertPostgresAudit } from './insert-postgres-audit';
import { insertPostgresOutbox } from './insert-postgres-outbox';
import { POSTGRES_UNIQUE_CODES } from './postgres-unique-codes';
import { lockPostgresSuggestion } from './lock-postgres-suggestion';
import { postgresColumns, type PostgresColumnTypes } from './postgres-columns';
import type { PostgresDatabase } from './postgres-database';

type Row = SuggestionRow<PostgresColumnTypes>;

/** Conditional changes to a suggestion (each locks its row first), and the audit trail they leave. */
export class PostgresSuggestionChanges implements SuggestionChangesPart {
  constructor(private readonly db: PostgresDatabase) {}

  async updateSuggestionProposal(id: string, expectedVersion: number, patch: SuggestionProposalPatch): Promise<SuggestionChangeResult> {
    const valid = storeInput.proposalPatch(patch);
    const now = this.db.now();
    return this.db.transaction(async (client): Promise<SuggestionChangeResult> => {
      const current = await lockPostgresSuggestion(this.db, client, id);
      if (current.version !== expectedVersion) {
        return { ok: false, current };
      }
      const row = await this.db.one<Row>(
        `UPDATE suggestions SET quantity = COALESCE($1, quantity), reasoning = COALESCE($2::jsonb, reasoning),
           display_name = COALESCE($3, display_name), sku_part_number = COALESCE($4, sku_part_number),
           updated_at = $5, version = version + 1
         WHERE id = $6 RETURNING *`,
        [valid.quantity, valid.reasoning, valid.displayName, valid.skuPartNumber, now, id],
        client,
      );
      return { ok: true, suggestion: readSuggestion(row as Row, postgresColumns) };
    });
  }

  async transitionSuggestion(id: string, transition: SuggestionTransition): Promise<SuggestionChangeResult> {
    const valid = storeInput.suggestionTransition(transition, this.db.now());
    return this.db.transaction(async (client): Promise<SuggestionChangeResult> => {
      const current = await lockPostgresSuggestion(this.db, client, id);
      if (!valid.from.includes(current.status)) {
        return { ok: false, current };
      }
      let row: Row | null;
      try {
        row = await this.db.one<Row>(
          `UPDATE suggestions SET status = $1, quantity = COALESCE($2, quantity), updated_at = $3, snoozed_until = $4,
             purchased_at_approval = COALESCE($5, purchased_at_approval),
             decided_by = CASE WHEN $6 THEN $7 ELSE decided_by END,
             decided_by_name = CASE WHEN $6 THEN $8 ELSE decided_by_name END,
             decided_at = CASE WHEN $6 THEN $3 ELSE decided_at END,
             version = version + 1
           WHERE id = $9 RETURNING *`,
          [valid.to, valid.quantity, valid.at, valid.snoozedUntil, valid.purchasedAtApproval, valid.deciding, valid.actor, valid.actorName, id],
          client,
        );
      } catch (error) {
        throw uniqueConflict(error, POSTGRES_UNIQUE_CODES, `Another open reservation suggestion exists for ${current.skuId}`);
      }
      const updated = readSuggestion(row as Row, postgresColumns);
      await insertPostgresAudit(client, suggestionAuditEntries.transition(id, valid, current.status, updated.quantity));
      await insertPostgresOutbox(this.db, client, valid.outbox, valid.at);
      return { ok: true, suggestion: updated };
    });
  }

  async listAudit(suggestionId: string): Promise<SuggestionAuditEntry[]> {
    const rows = await this.db.all<SuggestionAuditRow<PostgresColumnTypes>>('SELECT * FROM suggestion_audit WHERE suggestion_id = $1 ORDER BY id', [
      suggestionId,
    ]);
    return rows.map((row) => readSuggestionAudit(row, postgresColumns));
  }
}
