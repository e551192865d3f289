import type { SkuThreshold } from '../settings/sku-threshold';

/** Tolerates the float error of a percentage such as 7% of 300 before rounding up. */
const EPSILON = 1e-9;

/**
 * The number of available seats below which a SKU is low: an absolute count, or a percentage of the
 * purchased seats rounded up; never less than 1.
 */
export function effectiveThreshold(purchased: number, threshold: SkuThreshold): number {
  const raw = threshold.kind === 'absolute' ? threshold.value : (Math.max(0, purchased) * threshold.value) / 100;
  return Math.max(1, Math.ceil(raw - EPSILON));
}

/**
 * How far above its threshold a SKU must climb before a low or exhausted alert counts as resolved:
 * 10% of the threshold, rounded up, at least 1 seat. It stops a SKU hovering at its threshold from
 * posting a warning and a recovery on every tick.
 */
export function hysteresisMargin(threshold: number): number {
  return Math.max(1, Math.ceil(threshold / 10 - EPSILON));
}
