/** The bounds a hold request must stay within; the API validator and the docs use the same numbers. */
export const HOLD_LIMITS = {
  minQuantity: 1,
  maxQuantity: 100_000,
  minTtlSeconds: 1,
  maxTtlSeconds: 86_400,
  defaultTtlSeconds: 900,
  /** Characters of the `sku` text and of the `reason`. */
  maxSkuLength: 200,
  maxReasonLength: 200,
} as const;
