/** A hold that is neither released nor expired, with the product it holds seats of. */
export interface ActiveHold {
  id: string;
  skuId: string;
  /** The SKU part number; null when the SKU is no longer in the tenant or Graph could not be read. */
  sku: string | null;
  /** The product name; null in the same cases as `sku`. */
  displayName: string | null;
  quantity: number;
  /** The caller's reason, or "No reason given". */
  reason: string;
  createdAt: string;
  expiresAt: string;
}
