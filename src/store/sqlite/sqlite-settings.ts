import { readMutedSku, type MutedSkuRow } from '../records/muted-sku-row';
import { readThreshold, type ThresholdRow } from '../records/threshold-row';
import { storeInput } from '../store-input';
import type { MutedSku, SkuThreshold, ThresholdRecord } from '../store';
import type { SettingsPart } from '../store-parts';
import { sqliteColumns, type SqliteColumnTypes } from './sqlite-columns';
import type { SqliteDatabase } from './sqlite-database';

/** Per-SKU alert thresholds and mutes. */
export class SqliteSettings implements SettingsPart {
  constructor(private readonly db: SqliteDatabase) {}

  async setThreshold(skuId: string, threshold: SkuThreshold, setBy: string): Promise<ThresholdRecord> {
    const valid = storeInput.threshold(threshold);
    const row = this.db.get<ThresholdRow<SqliteColumnTypes>>(
      `INSERT INTO sku_thresholds (sku_id, kind, value, set_by, set_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (sku_id) DO UPDATE SET kind = excluded.kind, value = excluded.value, set_by = excluded.set_by, set_at = excluded.set_at
       RETURNING *`,
      storeInput.text(skuId, 'skuId'),
      valid.kind,
      valid.value,
      storeInput.text(setBy, 'setBy'),
      this.db.now(),
    );
    return readThreshold(row as ThresholdRow<SqliteColumnTypes>, sqliteColumns);
  }

  async clearThreshold(skuId: string): Promise<boolean> {
    return this.db.changed('DELETE FROM sku_thresholds WHERE sku_id = ?', skuId);
  }

  async listThresholds(): Promise<ThresholdRecord[]> {
    const rows = this.db.all<ThresholdRow<SqliteColumnTypes>>('SELECT * FROM sku_thresholds ORDER BY sku_id');
    return rows.map((row) => readThreshold(row, sqliteColumns));
  }

  async setMuted(skuId: string, muted: boolean, by: string): Promise<void> {
    storeInput.text(skuId, 'skuId');
    if (muted) {
      this.db.changed(
        'INSERT INTO muted_skus (sku_id, muted_by, muted_at) VALUES (?, ?, ?) ON CONFLICT (sku_id) DO NOTHING',
        skuId,
        storeInput.text(by, 'by'),
        this.db.now(),
      );
    } else {
      this.db.changed('DELETE FROM muted_skus WHERE sku_id = ?', skuId);
    }
  }

  async listMuted(): Promise<MutedSku[]> {
    const rows = this.db.all<MutedSkuRow<SqliteColumnTypes>>('SELECT * FROM muted_skus ORDER BY sku_id');
    return rows.map((row) => readMutedSku(row, sqliteColumns));
  }
}
