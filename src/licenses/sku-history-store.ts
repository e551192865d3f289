import type { HistoryFigures, HistoryRow } from './sku-history';

/** Snapshot history for forecasts: one row per SKU per change. */
export interface SkuHistoryStore {
  /**
   * Stores the figures of each SKU taken at `takenAt`, but only for SKUs whose figures differ from that
   * SKU's latest stored row at or before `takenAt`. Returns the SKU ids that got a new row.
   */
  recordSnapshot(takenAt: string, rows: readonly HistoryFigures[]): Promise<string[]>;
  /** Rows of one SKU taken at or after `sinceIso`, oldest first. */
  listHistory(skuId: string, sinceIso: string): Promise<HistoryRow[]>;
  /** The latest stored row of every SKU, ordered by SKU id. */
  latestHistory(): Promise<HistoryRow[]>;
  /**
   * Deletes rows taken before `beforeIso`, except each SKU's latest row before it (its figures still
   * hold at `beforeIso`, so trends and baselines from then on stay known). Returns how many rows went.
   */
  pruneHistory(beforeIso: string): Promise<number>;
}
