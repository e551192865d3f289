import type { PreTickHook } from '../alerts/tick-hook';
import { MissingPermissionError } from '../errors';
import type { Logger } from '../logger';
import type { MissingPermission, MissingPermissions } from '../missing-permissions';
import type { ReclaimDirectory } from './reclaim-directory';
import type { ReclaimScan } from './reclaim-scan';
import type { ReclaimScanStore } from './reclaim-scan-store';
import { runReclaimScan } from './run-reclaim-scan';

const HOUR_MS = 60 * 60 * 1000;
/** After a failed scan, the leader tries again after this long (or RECLAIM_SCAN_HOURS, if shorter). */
const RETRY_AFTER_FAILURE_MS = HOUR_MS;

export interface ReclaimScannerOptions {
  directory: ReclaimDirectory;
  store: ReclaimScanStore;
  /** RECLAIM_INACTIVE_DAYS, RECLAIM_EXCLUDE_GROUP_ID and RECLAIM_SCAN_HOURS. */
  settings: { inactiveDays: number; excludeGroupId: string | null; scanHours: number };
  missingPermissions: MissingPermissions;
  logger: Logger;
}

/**
 * Runs the reclaim scan on the watcher's leader, on its own cadence: after a tick, when the stored scan
 * is older than RECLAIM_SCAN_HOURS (or was made with another RECLAIM_INACTIVE_DAYS). The age comes from
 * the store, so a restart or another instance taking the lead does not scan again. A failed scan is
 * logged and the older scan stays; it never fails the tick.
 */
/** What /healthz shows of the reclaim scans this instance ran (only the watcher's leader scans). */
export interface ReclaimScannerStatus {
  lastScanAt: string | null;
  lastCandidates: number | null;
  lastError: string | null;
}

export class ReclaimScanner {
  private lastFailureAt: number | null = null;
  private readonly state: ReclaimScannerStatus = { lastScanAt: null, lastCandidates: null, lastError: null };

  constructor(private readonly options: ReclaimScannerOptions) {}

  /** The watcher's pre-tick hook: a new scan counts in the same tick's figures, alerts and suggestions. */
  readonly preTickHook: PreTickHook = async (now) => {
    await this.scanIfDue(now);
  };

  /** Scans when due; resolves with the scan made, or null when none was due or the scan failed. */
  async scanIfDue(now: Date): Promise<ReclaimScan | null> {
    const { store, settings, logger } = this.options;
    try {
      if (!(await this.isDue(now))) {
        return null;
      }
      const started = Date.now();
      const scan = await runReclaimScan(this.options.directory, { inactiveDays: settings.inactiveDays, excludeGroupId: settings.excludeGroupId, now: () => now });
      await store.saveReclaimScan(scan);
      this.lastFailureAt = null;
      Object.assign(this.state, { lastScanAt: scan.asOf, lastCandidates: scan.candidates.length, lastError: null });
      this.options.missingPermissions.report('reclaim', missingFor(scan));
      logger.info('reclaim scan stored', {
        candidates: scan.candidates.length,
        disabled: scan.candidates.filter((c) => c.reason === 'disabled').length,
        inactive: scan.inactiveUnknown === null ? scan.candidates.filter((c) => c.reason === 'inactive').length : null,
        inactiveUnknown: scan.inactiveUnknown?.reason ?? null,
        ms: Date.now() - started,
      });
      return scan;
    } catch (error) {
      this.lastFailureAt = now.getTime();
      this.state.lastError = error instanceof Error ? error.message : String(error);
      if (error instanceof MissingPermissionError) {
        this.options.missingPermissions.report(
          'reclaim',
          error.permissions.map((permission) => ({ permission, effect: 'no reclaim scan: seats on disabled and inactive accounts are unknown' })),
        );
      }
      logger.error('reclaim scan failed; the last stored scan stays, the leader tries again later', { error });
      return null;
    }
  }

  /** The scans this instance ran: when the last one finished, what it found, and the last failure since. */
  status(): ReclaimScannerStatus {
    return { ...this.state };
  }

  private async isDue(now: Date): Promise<boolean> {
    const { settings } = this.options;
    const cadenceMs = settings.scanHours * HOUR_MS;
    if (this.lastFailureAt !== null && now.getTime() - this.lastFailureAt < Math.min(cadenceMs, RETRY_AFTER_FAILURE_MS)) {
      return false;
    }
    const latest = await this.options.store.latestReclaimScan();
    if (latest === null || latest.inactiveDays !== settings.inactiveDays) {
      return true;
    }
    return now.getTime() - Date.parse(latest.asOf) >= cadenceMs;
  }
}

function missingFor(scan: ReclaimScan): MissingPermission[] {
  return scan.inactiveUnknown?.reason === 'permission' ? [{ permission: 'AuditLog.Read.All', effect: 'inactive seats are unknown' }] : [];
}
