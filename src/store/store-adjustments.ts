import type { FigureAdjustments } from '../licenses/figure-adjustments';
import type { Store } from './store';

/** Holds and mutes, as the store records them, applied to Graph's figures. */
export function storeAdjustments(store: Store): FigureAdjustments {
  return {
    heldBySku: (now) => store.heldBySku(now.toISOString()),
    mutedSkuIds: async () => new Set((await store.listMuted()).map((muted) => muted.skuId)),
  };
}
