import { isInactiveStatus } from '../licenses/subscription-status';
import type { SkuFigures } from '../licenses/sku-figures';
import { CARD_LIMITS } from './card-limits';
import { statusWord } from './describe-seat-conditions';
import { formatCount } from './format-count';
import { toDisplayText } from './to-display-text';

function seatsPart(figures: SkuFigures): string {
  if (isInactiveStatus(figures.status)) {
    return figures.lostService > 0
      ? `subscription ${statusWord(figures.status)}, ${formatCount(figures.lostService)} ${figures.lostService === 1 ? 'user has' : 'users have'} lost service`
      : `subscription ${statusWord(figures.status)}`;
  }
  if (figures.overAssigned > 0) {
    return `over-assigned by ${formatCount(figures.overAssigned)} of ${formatCount(figures.purchased)} purchased`;
  }
  if (figures.available < 0) {
    return `no seats free, ${formatCount(figures.onExpiringSeats)} on expiring seats`;
  }
  return `${formatCount(figures.available)} of ${formatCount(figures.purchased)} available`;
}

/**
 * One SKU in plain text, no Markdown: "Microsoft 365 E3: 3 of 500 available, 5 waiting, shortfall 2",
 * "Visio Plan 2: over-assigned by 4 of 50 purchased" or "Office 365 E5: subscription suspended, 14
 * users have lost service". Users on a suspended subscription are not a shortfall: buying does not
 * serve them, so no shortfall is named there; nor for users who only sit on grace-period seats.
 */
export function summarizeSku(figures: SkuFigures): string {
  const name = toDisplayText(figures.displayName, CARD_LIMITS.nameLength, figures.skuPartNumber);
  const parts = [seatsPart(figures)];
  if (figures.waiting === null) {
    // Blocked users and other errors come from the same reads: all unknown, said once.
    parts.push('waiting unknown');
  } else if (figures.waiting > 0) {
    parts.push(`${formatCount(figures.waiting)} waiting`);
  }
  const onlyGraceSeats = figures.waiting === 0 && figures.overAssigned === 0 && figures.onExpiringSeats > 0;
  if (figures.shortfall !== null && figures.shortfall > 0 && figures.lostService === 0 && !onlyGraceSeats) {
    parts.push(`shortfall ${formatCount(figures.shortfall)}`);
  }
  if (figures.blocked !== null && figures.blocked > 0) {
    parts.push(`${formatCount(figures.blocked)} blocked by another product`);
  }
  const errors = (figures.otherErrors ?? []).reduce((sum, error) => sum + error.users, 0);
  if (errors > 0) {
    parts.push(`${formatCount(errors)} in other license errors`);
  }
  return `${name}: ${parts.join(', ')}`;
}
