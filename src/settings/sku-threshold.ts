/** A per-SKU alert threshold: warn when available seats drop to `value` (or `value`% of purchased). */
export type SkuThreshold = { kind: 'absolute'; value: number } | { kind: 'percent'; value: number };
