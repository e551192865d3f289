import { sameFigures } from '../records/same-figures';
import { readHistoryRow, type SkuHistoryRow } from '../records/sku-history-row';
import { storeInput } from '../store-input';
import type { HistoryFigures, HistoryRow } from '../store';
import type { HistoryPart } from '../store-parts';
import { ADVISORY_LOCK } from './advisory-lock';
import { postgresColumns, type PostgresColumnTypes } from './postgres-columns';
import type { PostgresDatabase } from './postgres-database';

/** Snapshot history for forecasts: one row per SKU per change. */
export class PostgresHistory implements HistoryPart {
  constructor(private readonly db: PostgresDatabase) {}

  async recordSnapshot(takenAt: string, rows: readonly HistoryFigures[]): Promise<string[]> {
    const at = storeInput.iso(takenAt, 'takenAt');
    const figures = storeInput.history(rows);
    return this.db.transaction(async (client) => {
      // Two recorders comparing against the same "latest" row would both insert.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [ADVISORY_LOCK.history]);
      const stored: string[] = [];
      for (const row of figures) {
        const last = await this.db.one<Omit<HistoryFigures, 'skuId'>>(
          'SELECT purchased, assigned, available, waiting FROM sku_history WHERE sku_id = $1 AND taken_at <= $2 ORDER BY taken_at DESC LIMIT 1',
          [row.skuId, at],
          client,
        );
        if (last !== null && sameFigures(last, row)) {
          continue;
        }
        const inserted = await this.db.changed(
          `INSERT INTO sku_history (sku_id, taken_at, purchased, assigned, available, waiting) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT DO NOTHING`,
          [row.skuId, at, row.purchased, row.assigned, row.available, row.waiting],
          client,
        );
        if (inserted) {
          stored.push(row.skuId);
        }
      }
      return stored;
    });
  }

  async listHistory(skuId: string, sinceIso: string): Promise<HistoryRow[]> {
    const rows = await this.db.all<SkuHistoryRow<PostgresColumnTypes>>('SELECT * FROM sku_history WHERE sku_id = $1 AND taken_at >= $2 ORDER BY taken_at', [
      skuId,
      storeInput.iso(sinceIso, 'sinceIso'),
    ]);
    return rows.map((row) => readHistoryRow(row, postgresColumns));
  }

  async pruneHistory(beforeIso: string): Promise<number> {
    const before = storeInput.iso(beforeIso, 'beforeIso');
    const result = await this.db.transaction(async (client) =>
      client.query(
        `DELETE FROM sku_history
         WHERE taken_at < $1
           AND taken_at < (SELECT MAX(l.taken_at) FROM sku_history l WHERE l.sku_id = sku_history.sku_id AND l.taken_at < $1)`,
        [before],
      ),
    );
    return result.rowCount ?? 0;
  }

  async latestHistory(): Promise<HistoryRow[]> {
    const rows = await this.db.all<SkuHistoryRow<PostgresColumnTypes>>('SELECT DISTINCT ON (sku_id) * FROM sku_history ORDER BY sku_id, taken_at DESC');
    return rows.map((row) => readHistoryRow(row, postgresColumns));
  }
}
