import { ConflictError } from '../../errors';
import { readAlertState, type AlertStateRow } from '../records/alert-state-row';
import { storeInput } from '../store-input';
import type { AlertState, AlertStateChange, NewOutboxMessage } from '../store';
import type { AlertsPart } from '../store-parts';
import { insertSqliteOutbox } from './insert-sqlite-outbox';
import { sqliteColumns, type SqliteColumnTypes } from './sqlite-columns';
import type { SqliteDatabase } from './sqlite-database';

type AlertRow = AlertStateRow<SqliteColumnTypes>;

/** Alert states, committed together with the outbox messages they cause. */
export class SqliteAlerts implements AlertsPart {
  constructor(private readonly db: SqliteDatabase) {}

  async listAlertStates(): Promise<AlertState[]> {
    return this.db.all<AlertRow>('SELECT * FROM alert_states ORDER BY sku_id, condition').map((row) => readAlertState(row, sqliteColumns));
  }

  async commitAlertTransitions(changes: readonly AlertStateChange[], outbox: readonly NewOutboxMessage[]): Promise<AlertState[]> {
    const now = this.db.now();
    const messages = storeInput.outbox(outbox, now);
    const valid = storeInput.alertChanges(changes);
    return this.db.write(() => {
      const written: AlertState[] = [];
      for (const change of valid) {
        const row = this.writeState(change, now);
        if (row === undefined) {
          throw new ConflictError(`The alert state of ${change.skuId}/${change.condition} changed since it was read`);
        }
        written.push(readAlertState(row, sqliteColumns));
      }
      insertSqliteOutbox(this.db, messages, now);
      return written;
    });
  }

  /** Inserts a new state or moves one on from its expected version; undefined when the row is not as expected. */
  private writeState(change: AlertStateChange, now: string): AlertRow | undefined {
    const details = storeInput.json(change.details);
    if (change.expectedVersion === null) {
      return this.db.get<AlertRow>(
        `INSERT INTO alert_states (sku_id, condition, status, since, last_notified_at, details, version, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, 1, ?) ON CONFLICT DO NOTHING RETURNING *`,
        change.skuId,
        change.condition,
        change.status,
        change.since,
        change.lastNotifiedAt,
        details,
        now,
      );
    }
    return this.db.get<AlertRow>(
      `UPDATE alert_states SET status = ?, since = ?, last_notified_at = ?, details = ?, version = version + 1, updated_at = ?
       WHERE sku_id = ? AND condition = ? AND version = ? RETURNING *`,
      change.status,
      change.since,
      change.lastNotifiedAt,
      details,
      now,
      change.skuId,
      change.condition,
      change.expectedVersion,
    );
  }
}
