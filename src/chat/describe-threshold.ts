import type { SkuThreshold } from '../settings/sku-threshold';
import { formatCount } from '../cards/format-count';
import { formatQuantity } from '../cards/format-quantity';
import { thresholdSeats } from './threshold-seats';

/**
 * A threshold in words: "20 seats", "5% of purchased seats", and with the purchased seats of one
 * product "5% of purchased seats (25 of 500)".
 */
export function describeThreshold(threshold: SkuThreshold, purchased?: number): string {
  if (threshold.kind === 'absolute') {
    return formatQuantity(threshold.value, 'seat');
  }
  const share = `${threshold.value}% of purchased seats`;
  if (purchased === undefined) {
    return share;
  }
  return `${share} (${formatCount(thresholdSeats(threshold, purchased))} of ${formatCount(purchased)})`;
}
