import type { FigureAdjustments } from '../licenses/figure-adjustments';
import type { ReclaimSummary } from '../licenses/reclaimable-seats';
import type { ReclaimScanStore } from './reclaim-scan-store';
import { summarizeReclaimScan } from './summarize-reclaim-scan';

/**
 * The figures' reclaim summary read from the stored scans: one read of the latest scan per call (the
 * license service reuses it for `adjustmentsTtlMs`), summarised again only when the stored scan
 * changed, so the figures computed from it are reused too.
 */
export function reclaimSummarySource(scans: Pick<ReclaimScanStore, 'latestReclaimScan'>): FigureAdjustments['reclaimSummary'] {
  let last: { key: string; summary: ReclaimSummary } | null = null;
  return async () => {
    const scan = await scans.latestReclaimScan();
    if (scan === null) {
      return null;
    }
    const key = `${scan.asOf}|${scan.inactiveDays}|${scan.inactiveUnknown?.reason ?? ''}|${scan.candidates.length}`;
    if (last === null || last.key !== key) {
      last = { key, summary: summarizeReclaimScan(scan) };
    }
    return last.summary;
  };
}
