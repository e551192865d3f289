/**
 * Why the inactive figure of the last reclaim scan is unknown (the scan's own reasons, kept here so the
 * licenses core does not depend on the reclaim feature): the app lacks AuditLog.Read.All, the tenant
 * has no Entra ID P1 or P2, or the read failed.
 */
export type InactiveSeatsUnknown = { reason: 'permission' | 'premium-license' | 'read-failed'; detail: string };

/** What every SKU's reclaimable seats come from: the latest stored reclaim scan. */
export interface ReclaimScanFacts {
  /** When the scan finished (ISO-8601): answers show its age. */
  asOf: string;
  /** RECLAIM_INACTIVE_DAYS the scan used: "inactive for 90+ days". */
  inactiveDays: number;
  /** Null when inactive seats were read; otherwise why the inactive figure is unknown. */
  inactiveUnknown: InactiveSeatsUnknown | null;
}

/**
 * Seats of one SKU held by accounts that do not use them, from the latest reclaim scan: distinct
 * users whose account is disabled, and distinct enabled users inactive for `inactiveDays` (null when
 * the scan could not tell). The exclusion group and the inactive rules were applied by the scan.
 */
export interface ReclaimableSeats extends ReclaimScanFacts {
  disabled: number;
  inactive: number | null;
}

/** The latest scan summarised per SKU: counts keyed by lower-case SKU id. */
export interface ReclaimSummary extends ReclaimScanFacts {
  /** SKUs absent here hold no candidate: 0 disabled, and 0 inactive when inactive is known. */
  bySku: ReadonlyMap<string, { disabled: number; inactive: number }>;
}

/** One SKU's reclaimable seats in the summary; null before the first scan (never 0 when unknown). */
export function reclaimableSeatsOf(summary: ReclaimSummary | null, skuId: string): ReclaimableSeats | null {
  if (summary === null) {
    return null;
  }
  const counts = summary.bySku.get(skuId.toLowerCase()) ?? { disabled: 0, inactive: 0 };
  return {
    asOf: summary.asOf,
    inactiveDays: summary.inactiveDays,
    inactiveUnknown: summary.inactiveUnknown,
    disabled: counts.disabled,
    inactive: summary.inactiveUnknown === null ? counts.inactive : null,
  };
}
