import type { SkuFigures } from '../licenses/sku-figures';
import { buildCardFreshness, type CardFreshness } from './card-freshness';
import { CARD_LIMITS } from './card-limits';
import { describeAvailability } from './describe-availability';
import { describeReclaimable } from './describe-reclaimable';
import { formatCount } from './format-count';
import type { StyledText } from './styled-text';
import { summarizeSku } from './summarize-sku';
import { toDisplayText } from './to-display-text';
import { buildTrendChart, type TrendChartView, type TrendSample } from './trend-chart';

/** Seat counts at the time of the previous report. */
export interface ReportBaseline {
  purchased: number;
  assigned: number;
  available: number;
}

/** A reservation suggestion as the report lists it. */
export interface ReportSuggestion {
  displayName: string;
  quantity: number;
  status: string;
  /** Who decided, for the week's decisions; null for open suggestions. */
  decidedBy: string | null;
  decidedAt: string | null;
}

/** Everything the license report shows; built by the reports feature. */
export interface LicenseReportInput {
  tenantName: string;
  /** "Week of 30 Nov 2026" or "30 Nov 2026". */
  periodLabel: string;
  asOf: string;
  now: Date;
  stale: boolean;
  /** Visible SKUs, tightest first. */
  figures: readonly SkuFigures[];
  /** When the compared figures are from: "since Mon 23 Nov". */
  baselineLabel: string;
  /** Figures at the previous report, by SKU id; a SKU missing here has no known baseline. */
  baselines: ReadonlyMap<string, ReportBaseline>;
  /** Run-out forecasts, already described, by SKU id. */
  forecasts: ReadonlyMap<string, string | null>;
  /** Weekly trend samples over the chart window, by SKU id. */
  trends: ReadonlyMap<string, readonly TrendSample[]>;
  trendDays: number;
  openSuggestions: readonly ReportSuggestion[];
  decisions: readonly ReportSuggestion[];
}

/** One total with its change: "Assigned" / "12,480" / "+20 since the last report". */
export interface ReportTotalRow {
  label: string;
  value: string;
  change: StyledText;
}

/** One of the tightest products. */
export interface ReportProduct {
  name: string;
  headline: StyledText;
  /** "Assigned +12 since the last report", the forecast, waiting users. */
  notes: string[];
  chart: TrendChartView | null;
}

/** Data for `cards/license-report.json`. */
export interface LicenseReportCard {
  title: string;
  tenantName: string;
  freshness: CardFreshness;
  totals: ReportTotalRow[];
  products: ReportProduct[];
  /** "and 12 more products; ask 'licenses' for all of them"; null when every product is shown. */
  moreProducts: string | null;
  suggestions: string[];
  decisions: string[];
}

/** Products listed on the report, and how many of them get a chart. */
export const REPORT_LIMITS = { products: 5, charts: 3, suggestions: 5, decisions: 5 } as const;

function signed(value: number): string {
  return value > 0 ? `+${formatCount(value)}` : value < 0 ? `−${formatCount(-value)}` : '±0';
}

function changeOf(now: number, before: number | null, label: string): StyledText {
  if (before === null) {
    return { text: `no figures from ${label.replace(/^since /, '')} to compare`, color: 'default' };
  }
  return { text: `${signed(now - before)} ${label}`, color: 'default' };
}

function totalsOf(input: LicenseReportInput): ReportTotalRow[] {
  const sum = (pick: (figures: ReportBaseline) => number, list: readonly ReportBaseline[]): number => list.reduce((total, item) => total + pick(item), 0);
  const baselines = input.figures.map((sku) => input.baselines.get(sku.skuId) ?? null);
  const complete = input.figures.length > 0 && baselines.every((baseline) => baseline !== null);
  const before = complete ? (baselines as ReportBaseline[]) : null;
  const row = (label: string, pick: (figures: ReportBaseline) => number): ReportTotalRow => ({
    label,
    value: formatCount(sum(pick, input.figures)),
    change: changeOf(sum(pick, input.figures), before === null ? null : sum(pick, before), input.baselineLabel),
  });
  return [row('Purchased', (f) => f.purchased), row('Assigned', (f) => f.assigned), row('Available', (f) => f.available)];
}

function productOf(sku: SkuFigures, input: LicenseReportInput, withChart: boolean): ReportProduct {
  const name = toDisplayText(sku.displayName, CARD_LIMITS.nameLength, sku.skuPartNumber);
  const baseline = input.baselines.get(sku.skuId);
  const notes: string[] = [];
  if (baseline !== undefined) {
    notes.push(`Assigned ${signed(sku.assigned - baseline.assigned)}, purchased ${signed(sku.purchased - baseline.purchased)} ${input.baselineLabel}`);
  }
  const forecast = input.forecasts.get(sku.skuId) ?? null;
  if (forecast !== null && forecast.trim() !== '') {
    notes.push(toDisplayText(forecast, 2 * CARD_LIMITS.nameLength));
  }
  if (sku.waiting === null) {
    notes.push('Users waiting for a license: unknown (a Graph permission is missing)');
  } else if (sku.waiting > 0) {
    notes.push(`${formatCount(sku.waiting)} users waiting for a license`);
  }
  const reclaimable = describeReclaimable(sku.reclaimable, input.now);
  if (reclaimable !== null) {
    notes.push(reclaimable);
  }
  const samples = input.trends.get(sku.skuId) ?? [];
  return {
    name,
    headline: describeAvailability(sku),
    notes,
    chart: withChart ? buildTrendChart(`${name}: last ${input.trendDays} days`, samples, input.trendDays) : null,
  };
}

function describeSuggestion(suggestion: ReportSuggestion): string {
  const name = toDisplayText(suggestion.displayName, CARD_LIMITS.nameLength);
  const seats = `${formatCount(suggestion.quantity)} seats`;
  if (suggestion.decidedBy === null) {
    return `${name}: buy ${seats} (${suggestion.status})`;
  }
  const by = toDisplayText(suggestion.decidedBy, CARD_LIMITS.nameLength);
  const at = suggestion.decidedAt === null ? '' : ` on ${suggestion.decidedAt.slice(0, 10)}`;
  return `${name}: ${seats} ${suggestion.status} by ${by}${at}`;
}

function listed(items: readonly ReportSuggestion[], limit: number, none: string): string[] {
  if (items.length === 0) {
    return [none];
  }
  const lines = items.slice(0, limit).map(describeSuggestion);
  if (items.length > limit) {
    lines.push(`and ${formatCount(items.length - limit)} more`);
  }
  return lines;
}

/**
 * The periodic license report: totals and their change since the last report, the tightest products
 * (each with its change, forecast, waiting users and seats to reclaim; the first three with a trend chart), open
 * suggestions and the period's decisions.
 */
export function buildLicenseReportCard(input: LicenseReportInput): LicenseReportCard {
  const shown = input.figures.slice(0, REPORT_LIMITS.products);
  const rest = input.figures.length - shown.length;
  return {
    title: `License report · ${input.periodLabel}`,
    tenantName: toDisplayText(input.tenantName, CARD_LIMITS.nameLength),
    freshness: buildCardFreshness(input.asOf, input.now, input.stale),
    totals: totalsOf(input),
    products: shown.map((sku, index) => productOf(sku, input, index < REPORT_LIMITS.charts)),
    moreProducts: rest > 0 ? `and ${formatCount(rest)} more products; ask "licenses" to see them all.` : null,
    suggestions: listed(input.openSuggestions, REPORT_LIMITS.suggestions, 'No open purchase suggestions.'),
    decisions: listed(input.decisions, REPORT_LIMITS.decisions, 'No decisions in this period.'),
  };
}

/** The report in one plain-text line, for notifications and screen readers. */
export function summarizeLicenseReport(input: LicenseReportInput): string {
  const tightest = input.figures.slice(0, 3).map(summarizeSku);
  return tightest.length === 0
    ? `License report (${input.periodLabel}): no products to report.`
    : `License report (${input.periodLabel}): ${tightest.join('; ')}`;
}
