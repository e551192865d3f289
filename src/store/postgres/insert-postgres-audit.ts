import type { SuggestionAuditEntry } from '../store';
import type { Queryable } from './postgres-database';

/** Appends one row to a suggestion's audit trail, inside the caller's transaction. */
export async function insertPostgresAudit(client: Queryable, entry: Omit<SuggestionAuditEntry, 'id'>): Promise<void> {
  await client.query(
    `INSERT INTO suggestion_audit (suggestion_id, at, actor, actor_name, action, quantity, previous_status, new_status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [entry.suggestionId, entry.at, entry.actor, entry.actorName, entry.action, entry.quantity, entry.previousStatus, entry.newStatus],
  );
}
