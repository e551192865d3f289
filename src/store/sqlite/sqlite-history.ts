import { sameFigures } from '../records/same-figures';
import { readHistoryRow, type SkuHistoryRow } from '../records/sku-history-row';
import { storeInput } from '../store-input';
import type { HistoryFigures, HistoryRow } from '../store';
import type { HistoryPart } from '../store-parts';
import { sqliteColumns, type SqliteColumnTypes } from './sqlite-columns';
import type { SqliteDatabase } from './sqlite-database';

/** Snapshot history for forecasts: one row per SKU per change. */
export class SqliteHistory implements HistoryPart {
  constructor(private readonly db: SqliteDatabase) {}

  async recordSnapshot(takenAt: string, rows: readonly HistoryFigures[]): Promise<string[]> {
    const at = storeInput.iso(takenAt, 'takenAt');
    const figures = storeInput.history(rows);
    return this.db.write(() => {
      const stored: string[] = [];
      for (const row of figures) {
        const last = this.db.get<Omit<HistoryFigures, 'skuId'>>(
          'SELECT purchased, assigned, available, waiting FROM sku_history WHERE sku_id = ? AND taken_at <= ? ORDER BY taken_at DESC LIMIT 1',
          row.skuId,
          at,
        );
        if (last !== undefined && sameFigures(last, row)) {
          continue;
        }
        const inserted = this.db.changed(
          `INSERT INTO sku_history (sku_id, taken_at, purchased, assigned, available, waiting) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT DO NOTHING`,
          row.skuId,
          at,
          row.purchased,
          row.assigned,
          row.available,
          row.waiting,
        );
        if (inserted) {
          stored.push(row.skuId);
        }
      }
      return stored;
    });
  }

  async listHistory(skuId: string, sinceIso: string): Promise<HistoryRow[]> {
    const rows = this.db.all<SkuHistoryRow<SqliteColumnTypes>>(
      'SELECT * FROM sku_history WHERE sku_id = ? AND taken_at >= ? ORDER BY taken_at',
      skuId,
      storeInput.iso(sinceIso, 'sinceIso'),
    );
    return rows.map((row) => readHistoryRow(row, sqliteColumns));
  }

  async pruneHistory(beforeIso: string): Promise<number> {
    const before = storeInput.iso(beforeIso, 'beforeIso');
    return this.db.write(
      () =>
        this.db.statement(
          `DELETE FROM sku_history
       WHERE taken_at < ?
         AND taken_at < (SELECT MAX(l.taken_at) FROM sku_history l WHERE l.sku_id = sku_history.sku_id AND l.taken_at < ?)`,
        ).run(before, before).changes,
    );
  }

  async latestHistory(): Promise<HistoryRow[]> {
    const rows = this.db.all<SkuHistoryRow<SqliteColumnTypes>>(
      `SELECT h.* FROM sku_history h
       WHERE h.taken_at = (SELECT MAX(l.taken_at) FROM sku_history l WHERE l.sku_id = h.sku_id)
       ORDER BY h.sku_id`,
    );
    return rows.map((row) => readHistoryRow(row, sqliteColumns));
  }
}
