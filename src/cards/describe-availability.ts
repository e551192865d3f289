import type { SkuFigures } from '../licenses/sku-figures';
import { formatCount } from './format-count';
import type { StyledText } from './styled-text';

/** Below this share of purchased seats still free, a SKU is shown in warning colour. */
const LOW_SHARE = 0.05;

/**
 * The headline figure of a SKU: "3 of 500 available", or "Over-assigned by 4" in attention colour
 * when more seats are assigned than bought. Attention when users wait for seats that do not exist,
 * warning when nothing or under 5% is left.
 */
export function describeAvailability(figures: SkuFigures): StyledText {
  if (figures.available < 0) {
    return { text: `Over-assigned by ${formatCount(-figures.available)}`, color: 'attention' };
  }
  const text = `${formatCount(figures.available)} of ${formatCount(figures.purchased)} available`;
  if (figures.shortfall > 0) {
    return { text, color: 'attention' };
  }
  if (figures.available === 0 || figures.available < figures.purchased * LOW_SHARE) {
    return { text, color: 'warning' };
  }
  return { text, color: 'default' };
}
