/** The figures of one SKU that the snapshot history keeps for forecasts. */
export interface HistoryFigures {
  skuId: string;
  purchased: number;
  assigned: number;
  available: number;
  waiting: number;
}

/** One stored history row: a SKU's figures when they changed. */
export interface HistoryRow extends HistoryFigures {
  takenAt: string;
}
