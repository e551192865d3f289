import type { SkuThreshold } from '../settings/sku-threshold';

/**
 * The available-seat count a threshold stands for: an absolute threshold as is, a percentage of
 * `purchased` rounded up, never less than 1 seat.
 */
export function thresholdSeats(threshold: SkuThreshold, purchased: number): number {
  if (threshold.kind === 'absolute') {
    return Math.max(1, threshold.value);
  }
  return Math.max(1, Math.ceil((Math.max(0, purchased) * threshold.value) / 100));
}
