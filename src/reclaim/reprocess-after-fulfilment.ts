import type { SkuFigures } from '../licenses/sku-figures';
import type { ReclaimRequestStore } from './reclaim-request-store';
import type { SuggestionSignals } from './suggestion-signals';

/** Fulfilled suggestions younger than this get their SKU's waiting groups reprocessed. */
const FULFILMENT_WINDOW_MS = 24 * 60 * 60 * 1000;

/** The source name of a fulfilled reservation's reprocess intents. */
export function suggestionSource(suggestionId: string): string {
  return `suggestion:${suggestionId}`;
}

/**
 * Records, for each reservation suggestion fulfilled in the last day, the groups whose users wait for
 * its SKU: the purchased seats arrived, and Entra does not always retry by itself. A group is
 * recorded once per suggestion, however many ticks see it.
 */
export async function recordReprocessAfterFulfilment(
  store: Pick<ReclaimRequestStore, 'recordReprocessIntents'>,
  suggestions: SuggestionSignals,
  figures: readonly SkuFigures[],
  now: Date,
): Promise<void> {
  const fulfilled = await suggestions.listSuggestions({ statuses: ['fulfilled'], limit: 50 });
  for (const suggestion of fulfilled) {
    if (now.getTime() - Date.parse(suggestion.updatedAt) > FULFILMENT_WINDOW_MS) {
      continue;
    }
    const sku = figures.find((f) => f.skuId.toLowerCase() === suggestion.skuId.toLowerCase());
    const targets = (sku?.waitingGroups ?? [])
      .filter((group): group is typeof group & { groupId: string } => group.groupId !== null && group.waiting > 0)
      .map((group) => ({ groupId: group.groupId, groupName: group.displayName }));
    if (targets.length > 0) {
      await store.recordReprocessIntents(suggestionSource(suggestion.id), suggestion.skuId, targets, now.toISOString());
    }
  }
}
