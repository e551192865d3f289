import type { HiddenReason, SkuFigures } from '../licenses/sku-figures';
import { buildCardFreshness, type CardFreshness } from './card-freshness';
import { CARD_LIMITS } from './card-limits';
import { isInactiveStatus } from '../licenses/subscription-status';
import { describeAvailability } from './describe-availability';
import { reclaimableNote } from './reclaimable-note';
import { describeSeatConditions, statusWord } from './describe-seat-conditions';
import { buildLicenseErrorRows, type LicenseErrorRow } from './license-error-rows';
import { adviceForLicenseError } from './license-error-fixes';
import { formatCount } from './format-count';
import { formatQuantity } from './format-quantity';
import type { StyledText } from './styled-text';
import { summarizeSku } from './summarize-sku';
import { toDisplayText } from './to-display-text';
import { buildTrendChart, type TrendChartView, type TrendSample } from './trend-chart';
import { buildWaitingGroupList, type WaitingGroupRow } from './waiting-group-list';

/**
 * One labelled figure: "Purchased" / "500", a fact of the card's FactSet. Both are Headroom's own
 * words and numbers, never a tenant string (clients read fact texts as Markdown); the colour of a
 * figure that needs attention is carried by the headline and the notes.
 */
export interface ProductFigureRow {
  label: string;
  value: string;
}

/** Everything Headroom knows about one SKU. */
export interface ProductSection {
  /** Product name, literal. */
  name: string;
  /** The SKU part number, e.g. "SPE_E3", literal. */
  partNumber: string;
  /** Why the SKU is left out of overviews and alerts; null when it is not. */
  hiddenNote: string | null;
  /** "3 of 500 available" or "Over-assigned by 4". */
  headline: StyledText;
  figures: ProductFigureRow[];
  /** Suspended subscription, users on expiring seats, users blocked by another product, seats to reclaim: one sentence each. */
  notes: StyledText[];
  waitingGroups: WaitingGroupRow[];
  /** "and 4 more groups (12 users)"; null when every group is listed. */
  moreGroups: string | null;
  /** The run-out forecast, already described; null when there is none. */
  forecast: string | null;
  /** Users in licensing errors that buying seats won't fix, one row per error code (only when one product matched). */
  otherErrors: LicenseErrorRow[];
  /** The same in one line when several products matched: "License errors: 2 usage location not allowed…"; null otherwise. */
  otherErrorsLine: string | null;
  /** A line chart of the last days' assigned and purchased seats; null with fewer than two samples, or when neither changed. */
  trend: TrendChartView | null;
}

/** Data for `cards/product-figures.json`: one section per SKU that matched a question. */
export interface ProductFiguresCard {
  freshness: CardFreshness;
  products: ProductSection[];
  /** "and 3 more matching products…" when sections were cut; otherwise null. */
  more: string | null;
}

/** When the figures were read, and forecasts described elsewhere, keyed by SKU id. */
export interface ProductFiguresMeta {
  /** ISO-8601 time the snapshot was taken. */
  asOf: string;
  now: Date;
  /** Graph could not be read; the figures are the last known ones. */
  stale: boolean;
  /** A figure is unknown for want of a Graph permission: said first, as a warning. */
  notice?: string | null;
  /** A described run-out forecast per SKU id (e.g. from `describeForecast`); missing or null: none. */
  forecasts?: ReadonlyMap<string, string | null>;
  /** Daily trend samples per SKU id over `trendDays` days; missing: no chart. */
  trends?: ReadonlyMap<string, readonly TrendSample[]>;
  trendDays?: number;
}

/** Condition sentences per product (suspended, grace period, blocked by other products). */
const NOTES_PER_PRODUCT = 4;
const NOTES_PER_PRODUCT_OF_SEVERAL = 2;

const HIDDEN_REASONS: Record<HiddenReason, string> = {
  company: 'it applies to the whole organization, not to users',
  free: 'it is a free product',
  trial: 'it is a trial',
  viral: 'it is a self-service sign-up',
  muted: 'an admin muted it',
};

function availableValue(figures: SkuFigures): string {
  if (figures.available >= 0) {
    return formatCount(figures.available);
  }
  // The headline right above says why in colour ("Over-assigned by 4", "No seats free: 6 on expiring seats").
  return isInactiveStatus(figures.status) ? `None (subscription ${statusWord(figures.status)})` : 'None';
}

function figureRowsOf(figures: SkuFigures): ProductFigureRow[] {
  const rows: ProductFigureRow[] = [];
  const add = (label: string, value: string): void => {
    rows.push({ label, value });
  };
  if (figures.status.trim().toLowerCase() !== 'enabled') {
    add('Subscription', statusWord(figures.status));
  }
  add('Purchased', formatCount(figures.purchased));
  add('Assigned', formatCount(figures.assigned));
  add('Available', availableValue(figures));
  const addIfAny = (label: string, value: number): void => {
    if (value > 0) {
      add(label, formatCount(value));
    }
  };
  addIfAny('Expiring (grace period)', figures.expiring);
  addIfAny('Users on expiring seats', figures.onExpiringSeats);
  addIfAny('Suspended', figures.suspended);
  addIfAny('Locked out', figures.lockedOut);
  addIfAny('Users without service', figures.lostService);
  add('Users waiting', countOrUnknown(figures.waiting));
  if (figures.lostService === 0) {
    add('Shortfall', countOrUnknown(figures.shortfall));
  }
  if (figures.blocked === null || figures.blocked > 0) {
    add('Blocked by another product', countOrUnknown(figures.blocked));
  }
  if (figures.held > 0) {
    add('Seats on hold', `${formatCount(figures.held)} held by automation`);
  }
  return rows;
}

/** What a figure that a missing Graph permission left unread shows instead of a number (the card's notice says which). */
const UNKNOWN_FIGURE = 'Unknown (a Graph permission is missing)';

function countOrUnknown(value: number | null): string {
  return value === null ? UNKNOWN_FIGURE : formatCount(value);
}

function forecastOf(figures: SkuFigures, forecasts: ReadonlyMap<string, string | null> | undefined): string | null {
  const line = forecasts?.get(figures.skuId) ?? forecasts?.get(figures.skuId.toLowerCase()) ?? null;
  return line === null || line.trim() === '' ? null : toDisplayText(line, 2 * CARD_LIMITS.nameLength);
}

function errorsLineOf(figures: SkuFigures): string {
  if (figures.otherErrors === null) {
    return 'License errors: unknown (a Graph permission is missing).';
  }
  const parts = figures.otherErrors.map((error) => `${formatCount(error.users)} ${adviceForLicenseError(error.error).label.toLowerCase()}`);
  return toDisplayText(`License errors buying seats won't fix: ${parts.join(', ')}. Ask "errors" for the fixes.`, 2 * CARD_LIMITS.nameLength);
}

/**
 * The chart of the seats over the last days, when it shows a change: a flat line says no more than the
 * figures above it, and costs each reply about 2 KB (31 dated points in two series, and the fallback).
 */
function trendOf(figures: SkuFigures, meta: ProductFiguresMeta): TrendChartView | null {
  const samples = meta.trends?.get(figures.skuId) ?? [];
  const first = samples[0];
  const changed = first !== undefined && samples.some((sample) => sample.assigned !== first.assigned || sample.purchased !== first.purchased);
  return changed ? buildTrendChart(`Last ${meta.trendDays ?? 90} days`, samples, meta.trendDays ?? 90) : null;
}

function sectionOf(figures: SkuFigures, meta: ProductFiguresMeta, groupLimit: number, withTrend: boolean, single: boolean): ProductSection {
  const headline = describeAvailability(figures);
  const groups = buildWaitingGroupList(figures.waitingGroups, groupLimit);
  return {
    name: toDisplayText(figures.displayName, CARD_LIMITS.nameLength, figures.skuPartNumber),
    partNumber: toDisplayText(figures.skuPartNumber, CARD_LIMITS.nameLength, figures.skuId),
    hiddenNote:
      figures.hidden && figures.hiddenReason !== null
        ? `Not in overviews or alerts: ${HIDDEN_REASONS[figures.hiddenReason]}.`
        : null,
    headline,
    figures: figureRowsOf(figures),
    notes: [...describeSeatConditions(figures).slice(0, single ? NOTES_PER_PRODUCT : NOTES_PER_PRODUCT_OF_SEVERAL), ...reclaimableNote(figures, meta.now)],
    waitingGroups: groups.groups,
    moreGroups: groups.more,
    forecast: forecastOf(figures, meta.forecasts),
    otherErrors: single && figures.otherErrors !== null ? buildLicenseErrorRows(figures.otherErrors, 3) : [],
    otherErrorsLine: (single && figures.otherErrors !== null) || figures.otherErrors?.length === 0 ? null : errorsLineOf(figures),
    trend: withTrend ? trendOf(figures, meta) : null,
  };
}

/**
 * Builds the answer to a product question: every figure of each matching SKU (hidden ones too, since
 * they were asked for), in the order given, at most {@link CARD_LIMITS.productSections} sections;
 * fewer waiting groups are listed per product when several matched.
 */
export function buildProductFiguresCard(figures: readonly SkuFigures[], meta: ProductFiguresMeta): ProductFiguresCard {
  const rest = figures.length - CARD_LIMITS.productSections;
  const groupLimit = figures.length > 1 ? CARD_LIMITS.groupsPerProductOfSeveral : CARD_LIMITS.groupsPerProduct;
  return {
    freshness: buildCardFreshness(meta.asOf, meta.now, meta.stale, meta.notice ?? null),
    // Only the first (best-matching) product gets a chart, so several matches stay well under 28 KB.
    products: figures.slice(0, CARD_LIMITS.productSections).map((sku, index) => sectionOf(sku, meta, groupLimit, index === 0, figures.length === 1)),
    more: rest > 0 ? `and ${formatQuantity(rest, 'more matching product')}; ask more precisely to see them.` : null,
  };
}

/** The answer in one plain-text line: "Microsoft 365 E3: 3 of 500 available, 5 waiting, shortfall 2". */
export function summarizeProductFigures(figures: readonly SkuFigures[]): string {
  if (figures.length === 0) {
    return 'No matching products.';
  }
  const shown = figures.slice(0, CARD_LIMITS.productSections).map(summarizeSku);
  const rest = figures.length - shown.length;
  return rest > 0 ? `${shown.join('; ')}; and ${formatQuantity(rest, 'more product')}` : shown.join('; ');
}
