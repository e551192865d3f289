import { isInactiveStatus } from '../licenses/subscription-status';
import type { SkuFigures } from '../licenses/sku-figures';
import { statusWord } from './describe-seat-conditions';
import { formatCount } from './format-count';
import type { StyledText } from './styled-text';

/** Below this share of purchased seats still free, a SKU is shown in warning colour. */
const LOW_SHARE = 0.05;

/**
 * The headline figure of a SKU: "3 of 500 available"; "Subscription suspended" when its status is
 * Suspended, LockedOut or Deleted; "Over-assigned by 4" in attention colour when users sit beyond
 * every usable seat; "No seats free: 6 on expiring seats" in warning colour when the only users
 * beyond the active seats sit on seats in a grace period. Attention when users wait for seats that
 * do not exist, warning when nothing or under 5% is left.
 */
export function describeAvailability(figures: SkuFigures): StyledText {
  if (isInactiveStatus(figures.status)) {
    return { text: `Subscription ${statusWord(figures.status)}`, color: figures.lostService > 0 ? 'attention' : 'warning' };
  }
  if (figures.overAssigned > 0) {
    return { text: `Over-assigned by ${formatCount(figures.overAssigned)}`, color: 'attention' };
  }
  if (figures.available < 0) {
    return { text: `No seats free: ${formatCount(figures.onExpiringSeats)} on expiring seats`, color: (figures.shortfall ?? 0) > figures.onExpiringSeats ? 'attention' : 'warning' };
  }
  const text = `${formatCount(figures.available)} of ${formatCount(figures.purchased)} available`;
  if ((figures.shortfall ?? 0) > 0) {
    return { text, color: 'attention' };
  }
  if (figures.available === 0 || figures.available < figures.purchased * LOW_SHARE) {
    return { text, color: 'warning' };
  }
  return { text, color: 'default' };
}
