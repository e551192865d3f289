import type { AlertSettingsStore } from '../../alerts/alert-settings-store';
import type { MutedSku } from '../../alerts/muted-sku';
import type { ThresholdRecord } from '../../alerts/threshold';
import type { SkuThreshold } from '../../settings/sku-threshold';
import type { SkuThresholdsTable } from '../database';
import { storeInput } from '../store-input';
import { compiledOnce } from './compiled-once';
import type { StoreContext } from './store-context';

/** Per-SKU alert thresholds and mutes. */
export class KyselyAlertSettings implements AlertSettingsStore {
  /** Read on every chat turn (muted SKUs are hidden): compiled once. */
  private readonly mutedSkus;

  constructor(private readonly ctx: StoreContext) {
    this.mutedSkus = compiledOnce<[], MutedSku>(ctx.db, 0, () => ctx.db.selectFrom('mutedSkus').selectAll().orderBy('skuId'));
  }

  async setThreshold(skuId: string, threshold: SkuThreshold, setBy: string): Promise<ThresholdRecord> {
    const valid = storeInput.threshold(threshold);
    const values = { skuId: storeInput.text(skuId, 'skuId'), kind: valid.kind, value: valid.value, setBy: storeInput.text(setBy, 'setBy'), setAt: this.ctx.now() };
    const row = await this.ctx.dialect.write(this.ctx.db, (trx) =>
      trx
        .insertInto('skuThresholds')
        .values(values)
        .onConflict((oc) =>
          oc.column('skuId').doUpdateSet((eb) => ({
            kind: eb.ref('excluded.kind'),
            value: eb.ref('excluded.value'),
            setBy: eb.ref('excluded.setBy'),
            setAt: eb.ref('excluded.setAt'),
          })),
        )
        .returningAll()
        .executeTakeFirstOrThrow(),
    );
    return thresholdRecord(row);
  }

  async clearThreshold(skuId: string): Promise<boolean> {
    const result = await this.ctx.dialect.write(this.ctx.db, (trx) => trx.deleteFrom('skuThresholds').where('skuId', '=', skuId).executeTakeFirst());
    return result.numDeletedRows > 0n;
  }

  async listThresholds(): Promise<ThresholdRecord[]> {
    const rows = await this.ctx.db.selectFrom('skuThresholds').selectAll().orderBy('skuId').execute();
    return rows.map(thresholdRecord);
  }

  async setMuted(skuId: string, muted: boolean, by: string): Promise<void> {
    storeInput.text(skuId, 'skuId');
    if (muted) {
      const values = { skuId, mutedBy: storeInput.text(by, 'by'), mutedAt: this.ctx.now() };
      await this.ctx.dialect.write(this.ctx.db, (trx) =>
        trx.insertInto('mutedSkus').values(values).onConflict((oc) => oc.column('skuId').doNothing()).execute(),
      );
    } else {
      await this.ctx.dialect.write(this.ctx.db, (trx) => trx.deleteFrom('mutedSkus').where('skuId', '=', skuId).execute());
    }
  }

  async listMuted(): Promise<MutedSku[]> {
    return this.mutedSkus();
  }
}

function thresholdRecord(row: SkuThresholdsTable): ThresholdRecord {
  return { skuId: row.skuId, threshold: { kind: row.kind, value: row.value }, setBy: row.setBy, setAt: row.setAt };
}
