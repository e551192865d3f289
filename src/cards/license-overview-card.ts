import { sortTightestFirst } from '../licenses/availability';
import type { SkuFigures } from '../licenses/sku-figures';
import { buildCardFreshness, type CardFreshness } from './card-freshness';
import { CARD_LIMITS } from './card-limits';
import { describeAvailability } from './describe-availability';
import { formatCount } from './format-count';
import { formatQuantity } from './format-quantity';
import type { StyledText } from './styled-text';
import { summarizeSku } from './summarize-sku';
import { toDisplayText } from './to-display-text';

/** One SKU in the overview. */
export interface LicenseOverviewRow {
  /** Product name, literal. */
  name: string;
  /** "3 of 500 available" or "Over-assigned by 4". */
  availability: StyledText;
  /** "500 purchased · 497 assigned". */
  counts: string;
  /** Each starts with " · ": waiting, shortfall, expiring, held; only those above 0. */
  markers: StyledText[];
}

/** Data for `cards/license-overview.json`: every visible SKU, tightest first. */
export interface LicenseOverviewCard {
  /** Tenant display name, literal. */
  tenantName: string;
  freshness: CardFreshness;
  skus: LicenseOverviewRow[];
  /** "and 35 more products…" when the list was cut; otherwise null. */
  more: string | null;
  /** How many SKUs are hidden and why they are not listed; null when none are. */
  hiddenNote: string | null;
  /** True when there is no visible SKU at all. */
  empty: boolean;
}

/** When and from where the overview's figures came. */
export interface LicenseOverviewMeta {
  tenantName: string;
  /** ISO-8601 time the snapshot was taken. */
  asOf: string;
  now: Date;
  /** Graph could not be read; the figures are the last known ones. */
  stale: boolean;
  /** A figure is unknown for want of a Graph permission: said first, as a warning. */
  notice?: string | null;
}

function markersOf(figures: SkuFigures): StyledText[] {
  const markers: StyledText[] = [];
  if (figures.waiting === null) {
    // Unknown for want of a Graph permission (the card's notice says which); never shown as 0.
    markers.push({ text: ' · waiting unknown', color: 'warning' });
  } else if (figures.waiting > 0) {
    markers.push({ text: ` · ${formatCount(figures.waiting)} waiting`, color: 'warning' });
  }
  if (figures.shortfall !== null && figures.shortfall > 0) {
    markers.push({ text: ` · shortfall ${formatCount(figures.shortfall)}`, color: 'attention' });
  }
  if (figures.expiring > 0) {
    markers.push({ text: ` · ${formatCount(figures.expiring)} expiring`, color: 'warning' });
  }
  if (figures.held > 0) {
    markers.push({ text: ` · ${formatCount(figures.held)} held`, color: 'default' });
  }
  return markers;
}

function rowOf(figures: SkuFigures): LicenseOverviewRow {
  return {
    name: toDisplayText(figures.displayName, CARD_LIMITS.nameLength, figures.skuPartNumber),
    availability: describeAvailability(figures),
    counts: `${formatCount(figures.purchased)} purchased · ${formatCount(figures.assigned)} assigned`,
    markers: markersOf(figures),
  };
}

/**
 * Builds the overview: every SKU that is not hidden, tightest first, at most
 * {@link CARD_LIMITS.overviewSkus} rows and "and N more" after them.
 */
export function buildLicenseOverviewCard(figures: readonly SkuFigures[], meta: LicenseOverviewMeta): LicenseOverviewCard {
  const visible = sortTightestFirst(figures.filter((sku) => !sku.hidden));
  const hidden = figures.length - visible.length;
  const rest = visible.length - CARD_LIMITS.overviewSkus;
  return {
    tenantName: toDisplayText(meta.tenantName, CARD_LIMITS.nameLength, 'Your tenant'),
    freshness: buildCardFreshness(meta.asOf, meta.now, meta.stale, meta.notice ?? null),
    skus: visible.slice(0, CARD_LIMITS.overviewSkus).map(rowOf),
    more: rest > 0 ? `and ${formatQuantity(rest, 'more product')}; ask for one by name.` : null,
    hiddenNote:
      hidden > 0
        ? `${formatQuantity(hidden, 'free, trial, company-wide or muted product', 'free, trial, company-wide or muted products')} not listed; ask for one by name.`
        : null,
    empty: visible.length === 0,
  };
}

/** The overview in one plain-text line: tenant, number of products, how many are short, the tightest. */
export function summarizeLicenseOverview(figures: readonly SkuFigures[], meta: Pick<LicenseOverviewMeta, 'tenantName'>): string {
  const visible = sortTightestFirst(figures.filter((sku) => !sku.hidden));
  const tenant = toDisplayText(meta.tenantName, CARD_LIMITS.nameLength, 'Your tenant');
  if (visible.length === 0) {
    return `${tenant}: no paid products to show.`;
  }
  const short = visible.filter((sku) => (sku.shortfall ?? 0) > 0 || sku.available < 0).length;
  const shortText = short > 0 ? `, ${formatCount(short)} short of seats` : '';
  return `${tenant}: ${formatQuantity(visible.length, 'product')}${shortText}. Tightest: ${summarizeSku(visible[0])}.`;
}
