import { readMutedSku, type MutedSkuRow } from '../records/muted-sku-row';
import { readThreshold, type ThresholdRow } from '../records/threshold-row';
import { storeInput } from '../store-input';
import type { MutedSku, SkuThreshold, ThresholdRecord } from '../store';
import type { SettingsPart } from '../store-parts';
import { postgresColumns, type PostgresColumnTypes } from './postgres-columns';
import type { PostgresDatabase } from './postgres-database';

/** Per-SKU alert thresholds and mutes. */
export class PostgresSettings implements SettingsPart {
  constructor(private readonly db: PostgresDatabase) {}

  async setThreshold(skuId: string, threshold: SkuThreshold, setBy: string): Promise<ThresholdRecord> {
    const valid = storeInput.threshold(threshold);
    const row = await this.db.one<ThresholdRow<PostgresColumnTypes>>(
      `INSERT INTO sku_thresholds (sku_id, kind, value, set_by, set_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (sku_id) DO UPDATE SET kind = excluded.kind, value = excluded.value, set_by = excluded.set_by, set_at = excluded.set_at
       RETURNING *`,
      [storeInput.text(skuId, 'skuId'), valid.kind, valid.value, storeInput.text(setBy, 'setBy'), this.db.now()],
    );
    return readThreshold(row as ThresholdRow<PostgresColumnTypes>, postgresColumns);
  }

  async clearThreshold(skuId: string): Promise<boolean> {
    return this.db.changed('DELETE FROM sku_thresholds WHERE sku_id = $1', [skuId]);
  }

  async listThresholds(): Promise<ThresholdRecord[]> {
    const rows = await this.db.all<ThresholdRow<PostgresColumnTypes>>('SELECT * FROM sku_thresholds ORDER BY sku_id');
    return rows.map((row) => readThreshold(row, postgresColumns));
  }

  async setMuted(skuId: string, muted: boolean, by: string): Promise<void> {
    storeInput.text(skuId, 'skuId');
    if (muted) {
      await this.db.changed('INSERT INTO muted_skus (sku_id, muted_by, muted_at) VALUES ($1, $2, $3) ON CONFLICT (sku_id) DO NOTHING', [
        skuId,
        storeInput.text(by, 'by'),
        this.db.now(),
      ]);
    } else {
      await this.db.changed('DELETE FROM muted_skus WHERE sku_id = $1', [skuId]);
    }
  }

  async listMuted(): Promise<MutedSku[]> {
    const rows = await this.db.all<MutedSkuRow<PostgresColumnTypes>>('SELECT * FROM muted_skus ORDER BY sku_id');
    return rows.map((row) => readMutedSku(row, postgresColumns));
  }
}
