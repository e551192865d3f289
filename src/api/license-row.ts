import type { SkuFigures } from '../licenses/sku-figures';

/** One SKU as the licenses API returns it; the CSV export uses the same fields, in this order, as its columns. */
export function licenseRowOf(sku: SkuFigures): Record<string, string | number | boolean | null> {
  return {
    skuId: sku.skuId,
    skuPartNumber: sku.skuPartNumber,
    displayName: sku.displayName,
    purchased: sku.purchased,
    expiring: sku.expiring,
    suspended: sku.suspended,
    lockedOut: sku.lockedOut,
    assigned: sku.assigned,
    available: sku.available,
    waiting: sku.waiting,
    shortfall: sku.shortfall,
    held: sku.held,
    hidden: sku.hidden,
  };
}
