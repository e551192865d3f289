import type { SkuThreshold } from '../settings/sku-threshold';

/** A threshold an admin set for one SKU. */
export interface ThresholdRecord {
  skuId: string;
  threshold: SkuThreshold;
  setBy: string;
  setAt: string;
}
