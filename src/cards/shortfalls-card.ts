import { findShortfalls } from '../licenses/availability';
import type { SkuFigures } from '../licenses/sku-figures';
import { buildCardFreshness, type CardFreshness } from './card-freshness';
import { CARD_LIMITS } from './card-limits';
import { formatCount } from './format-count';
import { describeSeatConditions, statusWord } from './describe-seat-conditions';
import { formatQuantity } from './format-quantity';
import { reclaimableNote } from './reclaimable-note';
import type { StyledText } from './styled-text';
import { toDisplayText } from './to-display-text';
import { buildWaitingGroupList, type WaitingGroupRow } from './waiting-group-list';

/** One SKU that is short of seats or over-assigned. */
export interface ShortfallRow {
  /** Product name, literal. */
  name: string;
  /** "Shortfall 2", "Over-assigned by 4" or both, in attention colour. */
  headline: StyledText;
  /** "5 waiting · 3 of 500 available". */
  detail: string;
  /** Seats on disabled or inactive accounts, lost service, expiring seats, and the products of the same groups this one holds back. */
  notes: StyledText[];
  waitingGroups: WaitingGroupRow[];
  /** "and 4 more groups (12 users)"; null when every group is listed. */
  moreGroups: string | null;
}

/** Data for `cards/shortfalls.json`: the SKUs that need an admin, or all clear. */
export interface ShortfallsCard {
  /** Tenant display name, literal. */
  tenantName: string;
  freshness: CardFreshness;
  /** True when no visible SKU has a shortfall or is over-assigned, and every waiting figure is known. */
  allClear: boolean;
  /** True when no visible SKU is listed but waiting is unknown (a missing Graph permission): not all clear. */
  waitingUnknownClear: boolean;
  shortfalls: ShortfallRow[];
  /** "and 3 more products…" when the list was cut; otherwise null. */
  more: string | null;
}

/** When and from where the figures came. */
export interface ShortfallsMeta {
  tenantName: string;
  /** ISO-8601 time the snapshot was taken. */
  asOf: string;
  now: Date;
  /** Graph could not be read; the figures are the last known ones. */
  stale: boolean;
  /** A figure is unknown for want of a Graph permission: said first, as a warning. */
  notice?: string | null;
}

function problemsOf(figures: SkuFigures): string[] {
  if (figures.lostService > 0) {
    // Buying seats does not serve users of a suspended subscription: no shortfall is named.
    return [`subscription ${statusWord(figures.status)}, ${formatQuantity(figures.lostService, 'user')} without service`];
  }
  const problems: string[] = [];
  // Users on grace-period seats still have service: with nobody waiting and nobody beyond every
  // usable seat, the grace period, not a shortfall, is what needs saying.
  if (figures.shortfall === null || figures.waiting === null) {
    problems.push('shortfall unknown');
  } else if (figures.shortfall > 0 && (figures.waiting > 0 || figures.overAssigned > 0 || figures.onExpiringSeats === 0)) {
    problems.push(`shortfall ${formatCount(figures.shortfall)}`);
  }
  if (figures.overAssigned > 0) {
    problems.push(`over-assigned by ${formatCount(figures.overAssigned)}`);
  }
  if (figures.onExpiringSeats > 0) {
    problems.push(`${formatCount(figures.onExpiringSeats)} on expiring seats`);
  }
  return problems;
}

/** "Also holds back EMS E5 for 4 users in Sales Bundle: buy Power BI Pro, not EMS E5." for each product it blocks. */
function holdsBack(cause: SkuFigures, all: readonly SkuFigures[]): StyledText[] {
  const causeName = toDisplayText(cause.displayName, CARD_LIMITS.nameLength, cause.skuPartNumber);
  const lines: StyledText[] = [];
  for (const other of all) {
    for (const blocking of other.blockedBy) {
      if (blocking.skuId.toLowerCase() !== cause.skuId.toLowerCase()) {
        continue;
      }
      const otherName = toDisplayText(other.displayName, CARD_LIMITS.nameLength, other.skuPartNumber);
      const groups = blocking.groups.map((group) => toDisplayText(group.displayName, CARD_LIMITS.nameLength, group.groupId ?? ''));
      const where = groups.length === 0 ? '' : groups.length === 1 ? ` in ${groups[0] ?? ''}` : ` in ${groups[0] ?? ''} and ${formatQuantity(groups.length - 1, 'more group')}`;
      lines.push({
        text: `Also holds back ${otherName} for ${formatQuantity(blocking.users, 'user')}${where}: buy ${causeName}, not ${otherName}.`,
        color: 'warning',
      });
    }
  }
  return lines;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Seats on disabled accounts come first (the cheapest way to cover a shortfall); anything else about reclaiming comes last. */
function withReclaimable(figures: SkuFigures, now: Date, notes: StyledText[]): StyledText[] {
  const reclaim = reclaimableNote(figures, now);
  return (figures.reclaimable?.disabled ?? 0) > 0 ? [...reclaim, ...notes] : [...notes, ...reclaim];
}

function rowOf(figures: SkuFigures, all: readonly SkuFigures[], now: Date): ShortfallRow {
  const groups = buildWaitingGroupList(figures.waitingGroups, CARD_LIMITS.groupsPerShortfall);
  const own = describeSeatConditions(figures, { blocked: false });
  const seats =
    figures.available < 0
      ? `${formatCount(figures.assigned)} assigned of ${formatCount(figures.purchased)} purchased`
      : `${formatCount(figures.available)} of ${formatCount(figures.purchased)} available`;
  return {
    name: toDisplayText(figures.displayName, CARD_LIMITS.nameLength, figures.skuPartNumber),
    headline: { text: capitalize(problemsOf(figures).join(' · ')), color: 'attention' },
    detail: `${figures.waiting === null ? 'waiting unknown' : `${formatCount(figures.waiting)} waiting`} · ${seats}`,
    notes: withReclaimable(figures, now, [...own, ...holdsBack(figures, all)]).slice(0, 4),
    waitingGroups: groups.groups,
    moreGroups: groups.more,
  };
}

/**
 * Builds the shortfalls card from every SKU's figures: the visible SKUs {@link findShortfalls}
 * picks, worst first, each with the groups its waiting users are in, what its state means (lost
 * service, expiring seats) and which products of the same groups it holds back.
 */
export function buildShortfallsCard(figures: readonly SkuFigures[], meta: ShortfallsMeta): ShortfallsCard {
  const short = findShortfalls(figures);
  const rest = short.length - CARD_LIMITS.shortfallSkus;
  const unknown = waitingUnknownIn(figures);
  return {
    tenantName: toDisplayText(meta.tenantName, CARD_LIMITS.nameLength, 'Your tenant'),
    freshness: buildCardFreshness(meta.asOf, meta.now, meta.stale, meta.notice ?? null),
    allClear: short.length === 0 && !unknown,
    waitingUnknownClear: short.length === 0 && unknown,
    shortfalls: short.slice(0, CARD_LIMITS.shortfallSkus).map((sku) => rowOf(sku, figures, meta.now)),
    more: rest > 0 ? `and ${formatQuantity(rest, 'more product')} short of seats; ask for one by name.` : null,
  };
}

/** True when a visible SKU's waiting users are unknown, so "all clear" cannot be claimed. */
function waitingUnknownIn(figures: readonly SkuFigures[]): boolean {
  return figures.some((sku) => !sku.hidden && sku.waiting === null);
}

/** The shortfalls in one plain-text line: how many products, and the worst three. */
export function summarizeShortfalls(figures: readonly SkuFigures[], meta: Pick<ShortfallsMeta, 'tenantName'>): string {
  const tenant = toDisplayText(meta.tenantName, CARD_LIMITS.nameLength, 'Your tenant');
  const short = findShortfalls(figures);
  if (short.length === 0) {
    return waitingUnknownIn(figures)
      ? `${tenant}: no product is over-assigned; whether users wait for seats is unknown.`
      : `${tenant}: all clear, no product is short of seats or over-assigned.`;
  }
  const worst = short
    .slice(0, 3)
    .map((sku) => `${toDisplayText(sku.displayName, CARD_LIMITS.nameLength, sku.skuPartNumber)} (${problemsOf(sku).join(', ')})`);
  const rest = short.length - worst.length;
  const tail = rest > 0 ? ` and ${formatQuantity(rest, 'more')}` : '';
  return `${tenant}: ${formatQuantity(short.length, 'product')} short of seats: ${worst.join(', ')}${tail}.`;
}
