import type { SkuFigures } from '../licenses/sku-figures';
import { describeReclaimable } from './describe-reclaimable';
import type { StyledText } from './styled-text';

/** The seats-to-reclaim sentence as a card note (none when the scan found nothing for the SKU). */
export function reclaimableNote(figures: SkuFigures, now: Date): StyledText[] {
  const line = describeReclaimable(figures.reclaimable, now);
  if (line === null) {
    return [];
  }
  const worthReclaiming = figures.reclaimable !== null && figures.reclaimable.disabled > 0;
  return [{ text: line, color: worthReclaiming ? 'accent' : 'default' }];
}
