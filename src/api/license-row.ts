import type { SkuFigures } from '../licenses/sku-figures';

/**
 * One SKU as the licenses API returns it (waiting and shortfall are null when a missing permission makes them unknown); the CSV export uses the same fields, in this order, as its columns. */
export function licenseRowOf(sku: SkuFigures, options: { waitingUnknown?: boolean } = {}): Record<string, string | number | boolean | null> {
  const unknown = options.waitingUnknown === true;
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
    waiting: unknown ? null : sku.waiting,
    shortfall: unknown ? null : sku.shortfall,
    held: sku.held,
    hidden: sku.hidden,
  };
}
