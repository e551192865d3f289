/**
 * What Headroom's own state adds to Graph's figures: seats held by automation and SKUs an admin muted.
 * The store provides it; without a store nothing is held or muted.
 */
export interface FigureAdjustments {
  heldBySku(now: Date): Promise<ReadonlyMap<string, number>>;
  mutedSkuIds(): Promise<ReadonlySet<string>>;
}

export const noAdjustments: FigureAdjustments = {
  heldBySku: () => Promise.resolve(new Map()),
  mutedSkuIds: () => Promise.resolve(new Set()),
};
