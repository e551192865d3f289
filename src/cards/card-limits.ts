/**
 * How much one card shows before it says "and N more". Teams refuses messages over about 28 KB;
 * these keep the worst case (every name at its longest) well below that.
 */
export const CARD_LIMITS = {
  /** Rows in the license overview. */
  overviewSkus: 25,
  /** Product sections in one product-figures card. */
  productSections: 5,
  /** Waiting groups listed under a product that is the only answer. */
  groupsPerProduct: 10,
  /** Waiting groups listed under each product when several matched. */
  groupsPerProductOfSeveral: 5,
  /** Products in the shortfalls card. */
  shortfallSkus: 10,
  /** Waiting groups listed under one shortfall. */
  groupsPerShortfall: 5,
  /** Suggestions on the no-match card. */
  suggestions: 3,
  /** Characters of a product or group name shown before it is cut with an ellipsis. */
  nameLength: 100,
  /** Characters of the user's own query echoed back. */
  queryLength: 80,
} as const;
