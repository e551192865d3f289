import type { SkuFigures } from '../licenses/sku-figures';

/**
 * One SKU as the licenses API returns it (waiting, shortfall and blocked are null when a missing permission makes them unknown); the CSV export uses the same fields, in this order, as its columns. */
export function licenseRowOf(sku: SkuFigures): Record<string, string | number | boolean | null> {
  return {
    skuId: sku.skuId,
    skuPartNumber: sku.skuPartNumber,
    displayName: sku.displayName,
    status: sku.status,
    purchased: sku.purchased,
    expiring: sku.expiring,
    suspended: sku.suspended,
    lockedOut: sku.lockedOut,
    assigned: sku.assigned,
    available: sku.available,
    overAssigned: sku.overAssigned,
    onExpiringSeats: sku.onExpiringSeats,
    waiting: sku.waiting,
    shortfall: sku.shortfall,
    blocked: sku.blocked,
    held: sku.held,
    hidden: sku.hidden,
  };
}
