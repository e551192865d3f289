import { findShortfalls } from '../licenses/availability';
import type { SkuFigures } from '../licenses/sku-figures';
import { buildCardFreshness, type CardFreshness } from './card-freshness';
import { CARD_LIMITS } from './card-limits';
import { formatCount } from './format-count';
import { formatQuantity } from './format-quantity';
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
  waitingGroups: WaitingGroupRow[];
  /** "and 4 more groups (12 users)"; null when every group is listed. */
  moreGroups: string | null;
}

/** Data for `cards/shortfalls.json`: the SKUs that need an admin, or all clear. */
export interface ShortfallsCard {
  /** Tenant display name, literal. */
  tenantName: string;
  freshness: CardFreshness;
  /** True when no visible SKU has a shortfall or is over-assigned. */
  allClear: boolean;
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
  const problems: string[] = [];
  if (figures.shortfall > 0) {
    problems.push(`shortfall ${formatCount(figures.shortfall)}`);
  }
  if (figures.available < 0) {
    problems.push(`over-assigned by ${formatCount(-figures.available)}`);
  }
  return problems;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function rowOf(figures: SkuFigures): ShortfallRow {
  const groups = buildWaitingGroupList(figures.waitingGroups, CARD_LIMITS.groupsPerShortfall);
  const seats =
    figures.available < 0
      ? `${formatCount(figures.assigned)} assigned of ${formatCount(figures.purchased)} purchased`
      : `${formatCount(figures.available)} of ${formatCount(figures.purchased)} available`;
  return {
    name: toDisplayText(figures.displayName, CARD_LIMITS.nameLength, figures.skuPartNumber),
    headline: { text: capitalize(problemsOf(figures).join(' · ')), color: 'attention' },
    detail: `${formatCount(figures.waiting)} waiting · ${seats}`,
    waitingGroups: groups.groups,
    moreGroups: groups.more,
  };
}

/**
 * Builds the shortfalls card: visible SKUs where users wait for seats that do not exist or more
 * seats are assigned than bought, worst first, each with the groups its waiting users are in.
 */
export function buildShortfallsCard(figures: readonly SkuFigures[], meta: ShortfallsMeta): ShortfallsCard {
  const short = findShortfalls(figures);
  const rest = short.length - CARD_LIMITS.shortfallSkus;
  return {
    tenantName: toDisplayText(meta.tenantName, CARD_LIMITS.nameLength, 'Your tenant'),
    freshness: buildCardFreshness(meta.asOf, meta.now, meta.stale, meta.notice ?? null),
    allClear: short.length === 0,
    shortfalls: short.slice(0, CARD_LIMITS.shortfallSkus).map(rowOf),
    more: rest > 0 ? `and ${formatQuantity(rest, 'more product')} short of seats; ask for one by name.` : null,
  };
}

/** The shortfalls in one plain-text line: how many products, and the worst three. */
export function summarizeShortfalls(figures: readonly SkuFigures[], meta: Pick<ShortfallsMeta, 'tenantName'>): string {
  const tenant = toDisplayText(meta.tenantName, CARD_LIMITS.nameLength, 'Your tenant');
  const short = findShortfalls(figures);
  if (short.length === 0) {
    return `${tenant}: all clear, no product is short of seats or over-assigned.`;
  }
  const worst = short
    .slice(0, 3)
    .map((sku) => `${toDisplayText(sku.displayName, CARD_LIMITS.nameLength, sku.skuPartNumber)} (${problemsOf(sku).join(', ')})`);
  const rest = short.length - worst.length;
  const tail = rest > 0 ? ` and ${formatQuantity(rest, 'more')}` : '';
  return `${tenant}: ${formatQuantity(short.length, 'product')} short of seats: ${worst.join(', ')}${tail}.`;
}
