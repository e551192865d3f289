import type { InactiveSeatsUnknown, ReclaimableSeats } from '../licenses/reclaimable-seats';
import { describeDataAge } from './describe-data-age';
import { formatCount } from './format-count';
import { formatQuantity } from './format-quantity';

/** What to do about an unknown inactive figure, by the scan's reason. */
const WHY_UNKNOWN: Record<InactiveSeatsUnknown['reason'], string> = {
  permission: 'grant AuditLog.Read.All (the tenant also needs Entra ID P1 or P2)',
  'premium-license': 'sign-in activity needs Entra ID P1 or P2',
  'read-failed': 'sign-in activity could not be read',
};

function scanAge(asOf: string, now: Date): string {
  return Number.isNaN(Date.parse(asOf)) ? 'at an unknown time' : describeDataAge(asOf, now);
}

/**
 * One line on a SKU's seats held by accounts that do not use them, with the scan's age: "7 seats on
 * disabled accounts, 12 on accounts inactive for 90+ days (scanned 3 hours ago)." An unknown inactive
 * figure says why and what to grant; before the first scan the line says so. Null when the scan found
 * nothing for the SKU (0 disabled and 0 inactive): cards say nothing then.
 */
export function describeReclaimable(reclaimable: ReclaimableSeats | null, now: Date): string | null {
  if (reclaimable === null) {
    return 'Seats on disabled or inactive accounts: not scanned yet.';
  }
  const { disabled, inactive, inactiveDays } = reclaimable;
  if (disabled === 0 && inactive === 0) {
    return null;
  }
  const inactiveAccounts = `accounts inactive for ${formatCount(inactiveDays)}+ days`;
  const unknown = `${inactiveAccounts} unknown: ${WHY_UNKNOWN[reclaimable.inactiveUnknown?.reason ?? 'read-failed']}`;
  let text: string;
  if (disabled === 0) {
    text = inactive === null ? `No seats on disabled accounts; ${unknown}` : `${formatQuantity(inactive, 'seat')} on ${inactiveAccounts}`;
  } else {
    const onDisabled = `${formatQuantity(disabled, 'seat')} on disabled accounts`;
    text = inactive === null ? `${onDisabled}; ${unknown}` : inactive > 0 ? `${onDisabled}, ${formatCount(inactive)} on ${inactiveAccounts}` : onDisabled;
  }
  return `${text} (scanned ${scanAge(reclaimable.asOf, now)}).`;
}
