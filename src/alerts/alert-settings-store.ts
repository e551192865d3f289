import type { MutedSku } from './muted-sku';
import type { ThresholdRecord } from './threshold';
import type { SkuThreshold } from '../settings/sku-threshold';

/** Per-SKU thresholds and mutes that admins set. */
export interface AlertSettingsStore {
  /** Sets the alert threshold of one SKU, replacing any earlier one. */
  setThreshold(skuId: string, threshold: SkuThreshold, setBy: string): Promise<ThresholdRecord>;
  /** Falls back to the default threshold. True when a threshold was set. */
  clearThreshold(skuId: string): Promise<boolean>;
  listThresholds(): Promise<ThresholdRecord[]>;
  /** Mutes (hides from overviews and alerts) or unmutes a SKU. Idempotent. */
  setMuted(skuId: string, muted: boolean, by: string): Promise<void>;
  listMuted(): Promise<MutedSku[]>;
}
