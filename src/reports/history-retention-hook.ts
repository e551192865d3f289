import type { TickHook } from '../alerts/tick-hook';
import type { Logger } from '../logger';
import type { SkuHistoryStore } from '../licenses/sku-history-store';
import { HISTORY_DAYS } from './license-reporter';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Keeps history bounded: on the watcher's leader, at most once a day per instance, deletes history
 * older than {@link HISTORY_DAYS} days (each SKU keeps its last row from before then, which still
 * holds). A failure is logged and tried again the next day; nothing depends on it.
 */
export function historyRetentionHook(deps: { store: Pick<SkuHistoryStore, 'pruneHistory'>; logger: Logger }): TickHook {
  let lastRunDay: number | null = null;
  return async ({ now }) => {
    const day = Math.floor(now.getTime() / DAY_MS);
    if (lastRunDay === day) {
      return;
    }
    lastRunDay = day;
    try {
      const removed = await deps.store.pruneHistory(new Date(now.getTime() - HISTORY_DAYS * DAY_MS).toISOString());
      if (removed > 0) {
        deps.logger.info('pruned old license history', { rows: removed, keptDays: HISTORY_DAYS });
      }
    } catch (error) {
      deps.logger.warn('could not prune old license history; trying again tomorrow', { error });
    }
  };
}
