import type { SuggestionAuditEntry } from '../store';
import type { SqliteDatabase } from './sqlite-database';

/** Appends one row to a suggestion's audit trail, inside the caller's transaction. */
export function insertSqliteAudit(db: SqliteDatabase, entry: Omit<SuggestionAuditEntry, 'id'>): void {
  db.changed(
    `INSERT INTO suggestion_audit (suggestion_id, at, actor, actor_name, action, quantity, previous_status, new_status)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    entry.suggestionId,
    entry.at,
    entry.actor,
    entry.actorName,
    entry.action,
    entry.quantity,
    entry.previousStatus,
    entry.newStatus,
  );
}
