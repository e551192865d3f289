import type { ReclaimScan } from './reclaim-scan';

/** Where reclaim scans are kept; the store implements it on both databases. */
export interface ReclaimScanStore {
  /** Keeps the scan as the latest one (older scans may be dropped). */
  saveReclaimScan(scan: ReclaimScan): Promise<void>;
  /** The newest stored scan, or null before the first scan finished. */
  latestReclaimScan(): Promise<ReclaimScan | null>;
}
