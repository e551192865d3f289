import type { SuggestionAuditEntry, SuggestionStatus } from '../store';
import type { ColumnReader, ColumnTypes } from './column-reader';

/** A `suggestion_audit` row. */
export interface SuggestionAuditRow<C extends ColumnTypes> {
  id: C['bigint'];
  suggestion_id: string;
  at: C['time'];
  actor: string;
  actor_name: string | null;
  action: string;
  quantity: number | null;
  previous_status: SuggestionStatus | null;
  new_status: SuggestionStatus;
}

export function readSuggestionAudit<C extends ColumnTypes>(row: SuggestionAuditRow<C>, read: ColumnReader<C>): SuggestionAuditEntry {
  return {
    id: read.bigint(row.id),
    suggestionId: row.suggestion_id,
    at: read.time(row.at),
    actor: row.actor,
    actorName: row.actor_name,
    action: row.action,
    quantity: row.quantity,
    previousStatus: row.previous_status,
    newStatus: row.new_status,
  };
}
