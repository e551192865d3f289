import type { SkuFigures } from '../licenses/sku-figures';
import { CARD_LIMITS } from './card-limits';
import { formatCount } from './format-count';
import { toDisplayText } from './to-display-text';

/**
 * One SKU in plain text, no Markdown: "Microsoft 365 E3: 3 of 500 available, 5 waiting, shortfall 2",
 * or "Visio Plan 2: over-assigned by 4 of 50 purchased".
 */
export function summarizeSku(figures: SkuFigures): string {
  const name = toDisplayText(figures.displayName, CARD_LIMITS.nameLength, figures.skuPartNumber);
  const parts = [
    figures.available < 0
      ? `over-assigned by ${formatCount(-figures.available)} of ${formatCount(figures.purchased)} purchased`
      : `${formatCount(figures.available)} of ${formatCount(figures.purchased)} available`,
  ];
  if (figures.waiting > 0) {
    parts.push(`${formatCount(figures.waiting)} waiting`);
  }
  if (figures.shortfall > 0) {
    parts.push(`shortfall ${formatCount(figures.shortfall)}`);
  }
  return `${name}: ${parts.join(', ')}`;
}
