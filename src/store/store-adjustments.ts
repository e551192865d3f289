import type { FigureAdjustments } from '../licenses/figure-adjustments';
import type { AlertSettingsStore } from '../alerts/alert-settings-store';
import type { HoldLedger } from '../holds/hold-ledger';
import type { ReclaimScanStore } from '../reclaim/reclaim-scan-store';
import { reclaimSummarySource } from '../reclaim/reclaim-summary-source';

/** Holds, mutes and the latest reclaim scan, as the store records them, applied to Graph's figures. */
export function storeAdjustments(
  store: Pick<HoldLedger, 'heldBySku'> & Pick<AlertSettingsStore, 'listMuted'> & Pick<ReclaimScanStore, 'latestReclaimScan'>,
): FigureAdjustments {
  return {
    heldBySku: (now) => store.heldBySku(now.toISOString()),
    mutedSkuIds: async () => new Set((await store.listMuted()).map((muted) => muted.skuId)),
    reclaimSummary: reclaimSummarySource(store),
  };
}
