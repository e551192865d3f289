import { buildLicenseReportCard, summarizeLicenseReport, type ReportBaseline, type ReportSuggestion } from '../cards/license-report-card';
import { renderCard } from '../cards/render-card';
import type { TrendSample } from '../cards/trend-chart';
import type { ChatReply } from '../cards/chat-reply';
import { sortTightestFirst } from '../licenses/availability';
import { describeForecast, forecastRunOut } from '../licenses/forecast';
import type { LicenseService } from '../licenses/license-service';
import type { SkuFigures } from '../licenses/sku-figures';
import type { Logger } from '../logger';
import type { HistoryRow } from '../licenses/sku-history';
import type { SkuHistoryStore } from '../licenses/sku-history-store';
import type { Suggestion } from '../reservations/suggestion';
import type { SuggestionStore } from '../reservations/suggestion-store';
import { describeBaseline, describeReportPeriod } from './report-period-label';
import { currentReportPeriod } from './report-period';
import type { ReportSchedule } from '../settings/report-schedule';
import { sampleTrend } from './trend-samples';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Days the report's and the product card's charts cover. */
export const TREND_DAYS = 90;
/** Days of run-out forecast history, as the product card uses. */
const FORECAST_WINDOW_DAYS = 30;
/** History is kept (and read) for at most this many days. */
export const HISTORY_DAYS = 400;

export interface LicenseReporterOptions {
  licenses: Pick<LicenseService, 'figures'>;
  store: Pick<SkuHistoryStore, 'listHistory'> & Pick<SuggestionStore, 'listSuggestions'>;
  schedule: ReportSchedule;
  logger: Logger;
}

/** When a report is for: the period it belongs to and the earlier time its changes are measured from. */
export interface ReportMoment {
  /** Where the period starts (the scheduled send) or, with the schedule off, now. */
  periodStart: Date;
  /** The figures the report compares with are the ones known at this time. */
  baselineAt: Date;
}

/**
 * Builds the license report from the current figures and the stored history: totals and their change
 * since the previous report, the tightest products with forecasts and 90-day trends, open
 * suggestions and the period's decisions. A SKU whose history cannot be read shows no change and no
 * chart (unknown), never a change of 0.
 */
export class LicenseReporter {
  constructor(private readonly options: LicenseReporterOptions) {}

  /** The period of `now` and the previous scheduled send: what a scheduled report compares with. */
  scheduledMoment(now: Date): ReportMoment | null {
    const period = currentReportPeriod(this.options.schedule, now);
    if (period === null) {
      return null;
    }
    const previous = currentReportPeriod(this.options.schedule, new Date(period.sendAt.getTime() - 1));
    return { periodStart: period.sendAt, baselineAt: previous?.sendAt ?? new Date(period.sendAt.getTime() - 7 * DAY_MS) };
  }

  /** What the `report` command shows: the current period, compared with the last scheduled report (or a week ago when off). */
  onDemandMoment(now: Date): ReportMoment {
    const period = currentReportPeriod(this.options.schedule, now);
    return period === null ? { periodStart: now, baselineAt: new Date(now.getTime() - 7 * DAY_MS) } : { periodStart: period.sendAt, baselineAt: period.sendAt };
  }

  async build(now: Date, moment: ReportMoment): Promise<ChatReply> {
    const served = await this.options.licenses.figures();
    const visible = sortTightestFirst(served.figures.filter((sku) => !sku.hidden));
    const histories = await this.readHistories(visible, now);
    const baselines = new Map<string, ReportBaseline>();
    const trends = new Map<string, TrendSample[]>();
    const forecasts = new Map<string, string | null>();
    for (const sku of visible) {
      const rows = histories.get(sku.skuId);
      if (rows === undefined) {
        continue;
      }
      const baseline = lastAtOrBefore(rows, moment.baselineAt);
      if (baseline !== null) {
        baselines.set(sku.skuId, { purchased: baseline.purchased, assigned: baseline.assigned, available: baseline.available });
      }
      const points = [...rows.map((row) => ({ at: row.takenAt, purchased: row.purchased, assigned: row.assigned })), { at: now.toISOString(), purchased: sku.purchased, assigned: sku.assigned }];
      trends.set(sku.skuId, sampleTrend(points, now, TREND_DAYS, 7));
      const forecast = forecastRunOut(points, sku.purchased, now, { windowDays: FORECAST_WINDOW_DAYS });
      forecasts.set(sku.skuId, forecast === null ? null : describeForecast(forecast, sku.displayName, now));
    }
    const [open, decided] = await Promise.all([
      this.options.store.listSuggestions({ statuses: ['proposed', 'approved'] }),
      this.options.store.listSuggestions({ statuses: ['approved', 'declined', 'snoozed', 'fulfilled'], limit: 200 }),
    ]);
    const input = {
      tenantName: served.snapshot.tenant.displayName,
      periodLabel: describeReportPeriod(this.options.schedule, moment.periodStart),
      baselineLabel: describeBaseline(moment.baselineAt, this.options.schedule),
      asOf: served.snapshot.takenAt,
      now,
      stale: served.stale,
      figures: visible,
      baselines,
      forecasts,
      trends,
      trendDays: TREND_DAYS,
      openSuggestions: open.map((suggestion) => reportSuggestionOf(suggestion, false)),
      decisions: decided
        .filter((suggestion) => suggestion.decidedAt !== null && Date.parse(suggestion.decidedAt) >= moment.baselineAt.getTime())
        .map((suggestion) => reportSuggestionOf(suggestion, true)),
    };
    return { card: renderCard('license-report', buildLicenseReportCard(input)), summary: summarizeLicenseReport(input) };
  }

  /** History of every visible SKU over the kept window; a SKU whose history fails is left out (logged). */
  private async readHistories(figures: readonly SkuFigures[], now: Date): Promise<Map<string, HistoryRow[]>> {
    const since = new Date(now.getTime() - HISTORY_DAYS * DAY_MS).toISOString();
    const histories = new Map<string, HistoryRow[]>();
    // Totals need every SKU's baseline; charts only the first few. Read them one by one to spare the pool.
    for (const sku of figures) {
      try {
        histories.set(sku.skuId, await this.options.store.listHistory(sku.skuId, since));
      } catch (error) {
        this.options.logger.warn('could not read license history for the report', { skuId: sku.skuId, error });
      }
    }
    return histories;
  }
}

function lastAtOrBefore(rows: readonly HistoryRow[], at: Date): HistoryRow | null {
  let found: HistoryRow | null = null;
  for (const row of rows) {
    if (Date.parse(row.takenAt) <= at.getTime()) {
      found = row;
    }
  }
  return found;
}

function reportSuggestionOf(suggestion: Suggestion, decided: boolean): ReportSuggestion {
  return {
    displayName: suggestion.displayName,
    quantity: suggestion.quantity,
    status: suggestion.status,
    decidedBy: decided ? (suggestion.decidedByName ?? suggestion.decidedBy ?? 'someone') : null,
    decidedAt: decided ? suggestion.decidedAt : null,
  };
}
