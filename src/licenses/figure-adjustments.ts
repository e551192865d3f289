import type { ReclaimSummary } from './reclaimable-seats';

/**
 * What Headroom's own state adds to Graph's figures: seats held by automation, SKUs an admin muted and
 * the latest reclaim scan summarised per SKU. The store provides it; without a store nothing is held
 * or muted and no scan has run.
 */
export interface FigureAdjustments {
  heldBySku(now: Date): Promise<ReadonlyMap<string, number>>;
  mutedSkuIds(): Promise<ReadonlySet<string>>;
  /** The latest reclaim scan per SKU, or null before the first scan. Return the same object while the scan is the same. */
  reclaimSummary(): Promise<ReclaimSummary | null>;
}

export const noAdjustments: FigureAdjustments = {
  heldBySku: () => Promise.resolve(new Map()),
  mutedSkuIds: () => Promise.resolve(new Set()),
  reclaimSummary: () => Promise.resolve(null),
};
