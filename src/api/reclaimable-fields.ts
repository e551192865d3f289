import type { ReclaimableSeats } from '../licenses/reclaimable-seats';
import type { SkuFigures } from '../licenses/sku-figures';

/** A SKU's reclaimable seats in `/api/v1/licenses` JSON; null before the first reclaim scan. */
export type ReclaimableJson = {
  disabled: number;
  /** Null when the scan could not tell (see `inactiveUnknown`). */
  inactive: number | null;
  /** When the scan finished. */
  asOf: string;
  inactiveDays: number;
  inactiveUnknown: ReclaimableSeats['inactiveUnknown'];
} | null;

/** The reclaimable seats as JSON: `{ disabled, inactive, asOf, inactiveDays, inactiveUnknown }`, or null before the first scan. */
export function reclaimableJsonOf(sku: SkuFigures): ReclaimableJson {
  const seats = sku.reclaimable;
  if (seats === null) {
    return null;
  }
  return { disabled: seats.disabled, inactive: seats.inactive, asOf: seats.asOf, inactiveDays: seats.inactiveDays, inactiveUnknown: seats.inactiveUnknown };
}

/** The same as CSV cells (one scalar per column); empty cells before the first scan or for an unknown inactive figure. */
export function reclaimableColumnsOf(sku: SkuFigures): { reclaimableDisabled: number | null; reclaimableInactive: number | null; reclaimableAsOf: string | null } {
  return {
    reclaimableDisabled: sku.reclaimable?.disabled ?? null,
    reclaimableInactive: sku.reclaimable?.inactive ?? null,
    reclaimableAsOf: sku.reclaimable?.asOf ?? null,
  };
}
