import type { TrendSample } from '../cards/trend-chart';
import type { TrendLookup } from '../chat/license-answers';
import type { Logger } from '../logger';
import type { SkuHistoryStore } from '../licenses/sku-history-store';
import { HISTORY_DAYS, TREND_DAYS } from './license-reporter';
import { sampleTrend } from './trend-samples';

const DAY_MS = 24 * 60 * 60 * 1000;
/** One sample every three days: 31 points over 90 days keep the product card small. */
const PRODUCT_TREND_STEP_DAYS = 3;


/**
 * Trends from the stored history: the last known figures of every third of the last {@link TREND_DAYS} days,
 * the figures being shown counting as today's. Reads from a year back so a SKU that has not changed
 * for a while still starts its line at the window's first day.
 */
export function storeTrendLookup(store: Pick<SkuHistoryStore, 'listHistory'>, logger: Logger): TrendLookup {
  return async (figures, now) => {
    const since = new Date(now.getTime() - HISTORY_DAYS * DAY_MS).toISOString();
    const entries = await Promise.all(
      figures.map(async (sku): Promise<[string, TrendSample[]]> => {
        try {
          const rows = await store.listHistory(sku.skuId, since);
          const points = [...rows.map((row) => ({ at: row.takenAt, purchased: row.purchased, assigned: row.assigned })), { at: now.toISOString(), purchased: sku.purchased, assigned: sku.assigned }];
          return [sku.skuId, sampleTrend(points, now, TREND_DAYS, PRODUCT_TREND_STEP_DAYS)];
        } catch (error) {
          logger.warn('could not read license history for a trend', { skuId: sku.skuId, error });
          return [sku.skuId, []];
        }
      }),
    );
    return new Map(entries);
  };
}
