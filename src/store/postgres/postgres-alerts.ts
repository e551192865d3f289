import type { PoolClient } from 'pg';
import { ConflictError } from '../../errors';
import { readAlertState, type AlertStateRow } from '../records/alert-state-row';
import { storeInput } from '../store-input';
import type { AlertState, AlertStateChange, NewOutboxMessage } from '../store';
import type { AlertsPart } from '../store-parts';
import { insertPostgresOutbox } from './insert-postgres-outbox';
import { postgresColumns, type PostgresColumnTypes } from './postgres-columns';
import type { PostgresDatabase } from './postgres-database';

type AlertRow = AlertStateRow<PostgresColumnTypes>;

/** Alert states, committed together with the outbox messages they cause. */
export class PostgresAlerts implements AlertsPart {
  constructor(private readonly db: PostgresDatabase) {}

  async listAlertStates(): Promise<AlertState[]> {
    const rows = await this.db.all<AlertRow>('SELECT * FROM alert_states ORDER BY sku_id, condition');
    return rows.map((row) => readAlertState(row, postgresColumns));
  }

  async commitAlertTransitions(changes: readonly AlertStateChange[], outbox: readonly NewOutboxMessage[]): Promise<AlertState[]> {
    const now = this.db.now();
    const messages = storeInput.outbox(outbox, now);
    const valid = storeInput.alertChanges(changes);
    return this.db.transaction(async (client) => {
      const written: AlertState[] = [];
      for (const change of valid) {
        const row = await this.writeState(client, change, now);
        if (row === null) {
          throw new ConflictError(`The alert state of ${change.skuId}/${change.condition} changed since it was read`);
        }
        written.push(readAlertState(row, postgresColumns));
      }
      await insertPostgresOutbox(this.db, client, messages, now);
      return written;
    });
  }

  /** Inserts a new state or moves one on from its expected version; null when the row is not as expected. */
  private async writeState(client: PoolClient, change: AlertStateChange, now: string): Promise<AlertRow | null> {
    const details = storeInput.json(change.details);
    if (change.expectedVersion === null) {
      return this.db.one<AlertRow>(
        `INSERT INTO alert_states (sku_id, condition, status, since, last_notified_at, details, version, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, 1, $7) ON CONFLICT DO NOTHING RETURNING *`,
        [change.skuId, change.condition, change.status, change.since, change.lastNotifiedAt, details, now],
        client,
      );
    }
    return this.db.one<AlertRow>(
      `UPDATE alert_states SET status = $1, since = $2, last_notified_at = $3, details = $4::jsonb, version = version + 1, updated_at = $5
       WHERE sku_id = $6 AND condition = $7 AND version = $8 RETURNING *`,
      [change.status, change.since, change.lastNotifiedAt, details, now, change.skuId, change.condition, change.expectedVersion],
      client,
    );
  }
}
