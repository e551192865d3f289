import { describeForecast, forecastRunOut } from '../licenses/forecast';
import type { Logger } from '../logger';
import type { SkuHistoryStore } from '../licenses/sku-history-store';
import type { ForecastLookup } from './license-answers';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Forecasts from the snapshot history the watcher stores: the assigned seats of each SKU over the last
 * `windowDays` (default 30), plus the figures being shown as the latest point (history only keeps
 * changes, so a quiet spell since the last change counts as flat). A SKU whose history cannot be read
 * gets no forecast rather than failing the answer.
 */
export function storeForecastLookup(store: Pick<SkuHistoryStore, 'listHistory'>, logger: Logger, options: { windowDays?: number } = {}): ForecastLookup {
  const windowDays = options.windowDays ?? 30;
  return async (figures, now) => {
    const since = new Date(now.getTime() - windowDays * DAY_MS).toISOString();
    const entries = await Promise.all(
      figures.map(async (sku): Promise<[string, string | null]> => {
        try {
          const history = await store.listHistory(sku.skuId, since);
          const points = [...history.map((row) => ({ at: row.takenAt, assigned: row.assigned })), { at: now.toISOString(), assigned: sku.assigned }];
          const forecast = forecastRunOut(points, sku.purchased, now, { windowDays });
          return [sku.skuId, forecast === null ? null : describeForecast(forecast, sku.displayName, now)];
        } catch (error) {
          logger.warn('could not read license history for a forecast', { skuId: sku.skuId, error });
          return [sku.skuId, null];
        }
      }),
    );
    return new Map(entries);
  };
}
