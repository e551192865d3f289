import { isInactiveStatus } from '../licenses/subscription-status';
import type { BlockingCause, SkuFigures } from '../licenses/sku-figures';
import { CARD_LIMITS } from './card-limits';
import { formatQuantity } from './format-quantity';
import type { StyledText } from './styled-text';
import { toDisplayText } from './to-display-text';

/** "suspended", "locked out", "deleted": how a capabilityStatus reads in a sentence. */
export function statusWord(status: string): string {
  const key = status.trim().toLowerCase();
  if (key === 'lockedout') {
    return 'locked out';
  }
  return key === '' ? 'inactive' : key;
}

function nameOf(displayName: string, fallback: string): string {
  return toDisplayText(displayName, CARD_LIMITS.nameLength, fallback);
}

function groupsPhrase(cause: BlockingCause): string {
  const first = cause.groups[0];
  if (first === undefined) {
    return '';
  }
  const name = nameOf(first.displayName, first.groupId ?? 'a group');
  const rest = cause.groups.length - 1;
  return rest > 0 ? ` in ${name} and ${formatQuantity(rest, 'more group')}` : ` in ${name}`;
}

/** "4 users in Sales Bundle are also missing EMS E5 because Power BI Pro is short: buy Power BI Pro, not EMS E5." */
export function describeBlocked(figures: SkuFigures, cause: BlockingCause): string {
  const product = nameOf(figures.displayName, figures.skuPartNumber);
  const short = nameOf(cause.displayName, cause.skuId);
  const verb = cause.users === 1 ? 'is' : 'are';
  return `${formatQuantity(cause.users, 'user')}${groupsPhrase(cause)} ${verb} also missing ${product} because ${short} is short: buy ${short}, not ${product}.`;
}

/** "2026-12-23" from an ISO time. */
function day(iso: string): string {
  return new Date(Date.parse(iso)).toISOString().slice(0, 10);
}

/** "6 users are on seats in a grace period that ends on 2026-12-23: renew that subscription, or they lose service." */
export function describeOnExpiringSeats(figures: SkuFigures): string {
  const verb = figures.onExpiringSeats === 1 ? 'is' : 'are';
  const ends = figures.gracePeriodEndsAt === null ? '' : ` that ends on ${day(figures.gracePeriodEndsAt)}`;
  return `${formatQuantity(figures.onExpiringSeats, 'user')} ${verb} on seats in a grace period${ends}: renew that subscription, or they lose service.`;
}

/** "Subscription suspended: 14 users still hold Office 365 E5 and have lost service. Renew it, or remove their licenses." */
export function describeLostService(figures: SkuFigures): string {
  const product = nameOf(figures.displayName, figures.skuPartNumber);
  const who = figures.lostService === 1 ? '1 user still holds' : `${formatQuantity(figures.lostService, 'user')} still hold`;
  return `Subscription ${statusWord(figures.status)}: ${who} ${product} and ${figures.lostService === 1 ? 'has' : 'have'} lost service. Renew it, or remove their licenses.`;
}

/**
 * The sentences an admin needs beyond the figures, most urgent first: users who lost service on a
 * suspended, locked-out or deleted subscription; users on seats in a grace period; users blocked by
 * another product of their group (unless `include.blocked` is false).
 */
export function describeSeatConditions(figures: SkuFigures, include: { blocked: boolean } = { blocked: true }): StyledText[] {
  const lines: StyledText[] = [];
  if (figures.lostService > 0) {
    lines.push({ text: describeLostService(figures), color: 'attention' });
  } else if (isInactiveStatus(figures.status)) {
    lines.push({ text: `Subscription ${statusWord(figures.status)}; no one holds it.`, color: 'default' });
  }
  if (figures.onExpiringSeats > 0) {
    lines.push({ text: describeOnExpiringSeats(figures), color: 'warning' });
  }
  for (const cause of include.blocked ? figures.blockedBy : []) {
    lines.push({ text: describeBlocked(figures, cause), color: 'warning' });
  }
  return lines;
}
