import type { SkuFigures } from '../licenses/sku-figures';

/** The arithmetic of one pre-flight check, before anything is assigned or held. */
export interface PreflightFigures {
  /** Graph's purchased − assigned; negative when over-assigned. */
  available: number;
  /** Seats under active holds taken by automation. */
  held: number;
  /** available − held: what is free for someone who holds nothing. Negative when holds exceed available. */
  unheld: number;
  /** unheld − quantity: seats left after assigning, negative when short. */
  after: number;
  /** True when `quantity` seats fit into the unheld seats. */
  fits: boolean;
}

/**
 * Checks whether `quantity` more seats of a SKU can be assigned without taking seats automation holds:
 * they fit when quantity ≤ available − held. Users waiting for the SKU are not subtracted: they are
 * reported beside the answer, since whether they get freed seats first depends on the tenant.
 */
export function checkPreflight(sku: SkuFigures, quantity: number): PreflightFigures {
  const unheld = sku.available - sku.held;
  const after = unheld - quantity;
  return { available: sku.available, held: sku.held, unheld, after, fits: after >= 0 };
}
