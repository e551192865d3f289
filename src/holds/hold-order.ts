/** A validated request from automation to hold seats of one product. */
export interface HoldOrder {
  /** What the caller named: a part number ("SPE_E3"), a SKU GUID or a display name. */
  sku: string;
  /** Seats to hold, 1..100,000. */
  quantity: number;
  /** How long the hold lasts unless released, 1..86,400 seconds. */
  ttlSeconds: number;
  /** Why the seats are held, for whoever lists the holds; null when the caller gave none. */
  reason: string | null;
}
