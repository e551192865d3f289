import type { AlertDigestCard, AlertDigestProduct } from '../cards/alert-digest-card';
import { CARD_LIMITS } from '../cards/card-limits';
import { describeReclaimable } from '../cards/describe-reclaimable';
import { describeLostService } from '../cards/describe-seat-conditions';
import { adviceForLicenseError } from '../cards/license-error-fixes';
import { formatCount } from '../cards/format-count';
import { formatQuantity } from '../cards/format-quantity';
import type { StyledText, TextColor } from '../cards/styled-text';
import { toDisplayText } from '../cards/to-display-text';
import { buildWaitingGroupList } from '../cards/waiting-group-list';
import { sortTightestFirst } from '../licenses/availability';
import type { SkuFigures } from '../licenses/sku-figures';
import type { AlertTransition, AlertTransitionKind } from './alert-transition';
import type { ExpiryNotice } from './expiry-notice';
import { LICENSE_ERRORS, SUSPENDED } from './license-conditions';

export interface AlertDigestMeta {
  tenantName: string;
  /** ISO-8601 time of the snapshot the transitions came from. */
  asOf: string;
  remindHours: number;
  /** Forecast lines by SKU id (lower case), already phrased with `describeForecast`. */
  forecasts: ReadonlyMap<string, string>;
  /** When the digest is built, for the reclaim scan's age; defaults to `asOf`. */
  now?: Date;
}

/** Products listed in one digest; the rest are counted. Keeps the worst case far below 28 KB. */
const DIGEST_PRODUCTS = 8;
const GROUPS_PER_PRODUCT = 3;

const LABELS: Record<AlertTransitionKind, StyledText> = {
  new: { text: 'New', color: 'attention' },
  escalated: { text: 'Worse', color: 'attention' },
  reminder: { text: 'Still', color: 'warning' },
  resolved: { text: 'Resolved', color: 'good' },
};

const KIND_ORDER: Record<AlertTransitionKind, number> = { escalated: 0, new: 1, reminder: 2, resolved: 3 };

/** Rank of a transition: seat warnings by kind first, then license errors, which matter less. */
function rankOf(transition: AlertTransition): number {
  return transition.condition === LICENSE_ERRORS ? 4 + KIND_ORDER[transition.kind] : KIND_ORDER[transition.kind];
}

/** A quieter label for license errors: they need an admin, but no seats. */
function labelOf(transition: AlertTransition): StyledText {
  if (transition.condition === LICENSE_ERRORS && transition.kind !== 'resolved') {
    return { text: transition.kind === 'new' ? 'Errors' : LABELS[transition.kind].text, color: 'default' };
  }
  return LABELS[transition.kind];
}

interface ProductGroup {
  figures: SkuFigures;
  transitions: AlertTransition[];
}

function groupBySku(transitions: readonly AlertTransition[]): ProductGroup[] {
  const groups = new Map<string, ProductGroup>();
  for (const transition of transitions) {
    const key = transition.skuId.toLowerCase();
    const group = groups.get(key) ?? { figures: transition.figures, transitions: [] };
    group.transitions.push(transition);
    groups.set(key, group);
  }
  const rank = (group: ProductGroup): number => Math.min(...group.transitions.map(rankOf));
  const tightness = new Map(sortTightestFirst([...groups.values()].map((g) => g.figures)).map((figures, index) => [figures.skuId, index]));
  return [...groups.values()].sort(
    (a, b) => rank(a) - rank(b) || (tightness.get(a.figures.skuId) ?? 0) - (tightness.get(b.figures.skuId) ?? 0),
  );
}

function seats(count: number): string {
  return formatQuantity(count, 'seat');
}

function describeExpiry(expiry: ExpiryNotice | null, figures: SkuFigures): string {
  const parts: string[] = [];
  if (expiry !== null && expiry.warningSeats > 0) {
    parts.push(
      figures.onExpiringSeats > 0
        ? `${seats(expiry.warningSeats)} in a grace period, ${formatQuantity(figures.onExpiringSeats, 'user')} on them: renew, or they lose service`
        : `${seats(expiry.warningSeats)} in a grace period, about to expire`,
    );
  }
  if (expiry !== null && expiry.endsAt !== null) {
    const status = (expiry.endingStatus ?? '').trim().toLowerCase();
    const what = status === 'enabled' ? 'a trial subscription ends' : `a subscription in ${toDisplayText(expiry.endingStatus ?? '', 20, 'its')} state changes`;
    parts.push(`${what} on ${expiry.endsAt.slice(0, 10)}`);
  }
  return parts.length === 0 ? 'seats are expiring' : parts.join('; ');
}

/** The sentence for one condition in its current state. */
function describeEvent(transition: AlertTransition): string {
  const { figures, threshold } = transition;
  const resolved = transition.kind === 'resolved';
  switch (transition.condition) {
    case 'low':
    case 'exhausted':
      if (resolved) {
        return `Back above its threshold: ${formatCount(figures.available)} available, threshold ${formatCount(threshold)}`;
      }
      return transition.condition === 'low'
        ? `Below its threshold: ${seats(figures.available)} available, threshold ${formatCount(threshold)}`
        : figures.available < 0
          ? `Out of seats: ${formatCount(figures.assigned)} assigned of ${formatCount(figures.purchased)} purchased`
          : `Out of seats: ${formatCount(figures.available)} available of ${formatCount(figures.purchased)}`;
    case 'over-assigned':
      return resolved
        ? 'No longer over-assigned'
        : `Over-assigned by ${formatCount(figures.overAssigned)}: ${formatCount(figures.assigned)} assigned of ${formatCount(figures.purchased)} purchased${figures.expiring > 0 ? ` and ${formatCount(figures.expiring)} in a grace period` : ''}`;
    case SUSPENDED:
      return resolved ? 'No one holds the suspended subscription any more' : describeLostService(figures);
    case LICENSE_ERRORS:
      return resolved ? 'No license errors left' : describeLicenseErrors(figures);
    case 'waiting':
      return resolved
        ? 'No one is waiting for a seat any more'
        : figures.waiting === null || figures.shortfall === null
          ? 'Users waiting for a seat: unknown (a Graph permission is missing)'
          : `${formatQuantity(figures.waiting, 'user')} waiting for a seat, ${formatCount(figures.shortfall)} more than are available`;
    case 'expiring':
      return resolved ? 'No seats are expiring any more' : describeExpiry(transition.expiry, figures);
    default:
      return resolved ? `${transition.condition} resolved` : transition.condition;
  }
}

/** "3 users in license errors buying seats won't fix: 2 usage location not allowed, 1 conflicting service plans. Ask "errors"…" */
function describeLicenseErrors(figures: SkuFigures): string {
  if (figures.otherErrors === null) {
    return 'License errors: unknown (a Graph permission is missing)';
  }
  const total = figures.otherErrors.reduce((sum, error) => sum + error.users, 0);
  const parts = figures.otherErrors.map((error) => `${formatCount(error.users)} ${adviceForLicenseError(error.error).label.toLowerCase()}`);
  return `${formatQuantity(total, 'user')} in license errors buying seats won't fix: ${parts.join(', ')}. Ask "errors" for the fixes.`;
}

function describeFigures(figures: SkuFigures): string {
  const parts = [`${formatCount(figures.assigned)} of ${formatCount(figures.purchased)} assigned`, `${formatCount(figures.available)} available`];
  if (figures.waiting === null) {
    parts.push('waiting unknown');
  } else if (figures.waiting > 0) {
    parts.push(`${formatCount(figures.waiting)} waiting`);
  }
  if (figures.expiring > 0) {
    parts.push(`${formatCount(figures.expiring)} expiring`);
  }
  return parts.join(' · ');
}

function productOf(group: ProductGroup, meta: AlertDigestMeta): AlertDigestProduct {
  const { figures } = group;
  const stillInTrouble = group.transitions.some((t) => t.kind !== 'resolved');
  const groups = buildWaitingGroupList(stillInTrouble ? figures.waitingGroups : [], GROUPS_PER_PRODUCT);
  const forecast = stillInTrouble ? meta.forecasts.get(figures.skuId.toLowerCase()) ?? null : null;
  return {
    name: toDisplayText(figures.displayName, CARD_LIMITS.nameLength, figures.skuPartNumber),
    events: [...group.transitions]
      .sort((a, b) => rankOf(a) - rankOf(b))
      .map((t) => ({ label: labelOf(t), text: describeEvent(t), subtle: t.condition === LICENSE_ERRORS })),
    figures: describeFigures(figures),
    forecast: forecast === null ? null : toDisplayText(forecast, 300, ''),
    // Only beside a condition that is posted anyway: a new scan alone is never a change to post.
    reclaim: stillInTrouble ? describeReclaimable(figures.reclaimable, meta.now ?? new Date(Date.parse(meta.asOf))) : null,
    waitingGroups: groups.groups,
    moreGroups: groups.more,
  };
}

function titleOf(products: readonly ProductGroup[]): { title: string; titleColor: TextColor } {
  const warning = products.filter((p) => p.transitions.some((t) => t.kind !== 'resolved' && t.condition !== LICENSE_ERRORS)).length;
  if (warning > 0) {
    return { title: `License warnings: ${formatQuantity(warning, 'product')}`, titleColor: 'attention' };
  }
  const errors = products.filter((p) => p.transitions.some((t) => t.kind !== 'resolved')).length;
  if (errors > 0) {
    return { title: `License errors: ${formatQuantity(errors, 'product')}`, titleColor: 'warning' };
  }
  return { title: `Licenses recovered: ${formatQuantity(products.length, 'product')}`, titleColor: 'good' };
}

/**
 * Builds the digest posted to each watched place after a watcher tick: one section per product with
 * its new, worse, continuing and resolved conditions, the figures, the groups whose users wait and
 * the run-out forecast. Products with news come first, then reminders, then recoveries.
 */
export function buildAlertDigestCard(transitions: readonly AlertTransition[], meta: AlertDigestMeta): AlertDigestCard {
  const products = groupBySku(transitions);
  const rest = products.length - DIGEST_PRODUCTS;
  const iso = new Date(Date.parse(meta.asOf)).toISOString();
  return {
    ...titleOf(products),
    tenantName: toDisplayText(meta.tenantName, CARD_LIMITS.nameLength, 'Your tenant'),
    products: products.slice(0, DIGEST_PRODUCTS).map((group) => productOf(group, meta)),
    more: rest > 0 ? `and ${formatQuantity(rest, 'more product')}; ask "shortfalls" or "licenses" for all of them.` : null,
    asOf: `As of ${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`,
    footer: `Headroom posts when a warning starts, gets worse or resolves, and every ${formatQuantity(meta.remindHours, 'hour')} while it lasts.`,
  };
}

/** The digest in one plain-text line for notifications: "License warnings: Microsoft 365 E3 below its threshold (3 available), ...". */
export function summarizeAlertDigest(transitions: readonly AlertTransition[], meta: Pick<AlertDigestMeta, 'tenantName'>): string {
  const products = groupBySku(transitions);
  const { title } = titleOf(products);
  const heading = title.slice(0, title.indexOf(':'));
  const items = products.slice(0, 3).map((group) => {
    const name = toDisplayText(group.figures.displayName, CARD_LIMITS.nameLength, group.figures.skuPartNumber);
    const events = [...group.transitions]
      .sort((a, b) => rankOf(a) - rankOf(b))
      .map((t) => `${labelOf(t).text.toLowerCase()}: ${describeEvent(t).charAt(0).toLowerCase()}${describeEvent(t).slice(1)}`);
    return `${name} (${events.join('; ')})`;
  });
  const rest = products.length - items.length;
  const tail = rest > 0 ? ` and ${formatQuantity(rest, 'more product')}` : '';
  const tenant = toDisplayText(meta.tenantName, CARD_LIMITS.nameLength, 'Your tenant');
  return `${tenant}: ${heading}: ${items.join(', ')}${tail}.`;
}
