import type { InactiveSeatsUnknown, ReclaimSummary } from '../licenses/reclaimable-seats';
import type { InactiveUnknownReason, ReclaimScan } from './reclaim-scan';

/** The scan's reasons are the figures' reasons: this fails to compile if the two ever drift apart. */
const SAME_REASONS: Record<InactiveUnknownReason, InactiveSeatsUnknown['reason']> = {
  permission: 'permission',
  'premium-license': 'premium-license',
  'read-failed': 'read-failed',
};

/**
 * A reclaim scan as per-SKU counts for the figures: distinct users per SKU (SKU ids compared without
 * case) whose account is disabled, and distinct users inactive for the scan's `inactiveDays`. A user
 * listed under both reasons for one SKU counts as disabled only. Inactive candidates are ignored when
 * the scan says inactive seats are unknown (the figure is then null, never 0).
 */
export function summarizeReclaimScan(scan: ReclaimScan): ReclaimSummary {
  const disabled = new Map<string, Set<string>>();
  const inactive = new Map<string, Set<string>>();
  for (const candidate of scan.candidates) {
    const users = candidate.reason === 'disabled' ? disabled : inactive;
    const sku = candidate.skuId.toLowerCase();
    const set = users.get(sku) ?? new Set<string>();
    set.add(candidate.userId.toLowerCase());
    users.set(sku, set);
  }
  const bySku = new Map<string, { disabled: number; inactive: number }>();
  for (const sku of new Set([...disabled.keys(), ...inactive.keys()])) {
    const disabledUsers = disabled.get(sku) ?? new Set<string>();
    const inactiveUsers = scan.inactiveUnknown === null ? [...(inactive.get(sku) ?? [])].filter((user) => !disabledUsers.has(user)) : [];
    bySku.set(sku, { disabled: disabledUsers.size, inactive: inactiveUsers.length });
  }
  return {
    asOf: scan.asOf,
    inactiveDays: scan.inactiveDays,
    inactiveUnknown: scan.inactiveUnknown === null ? null : { reason: SAME_REASONS[scan.inactiveUnknown.reason], detail: scan.inactiveUnknown.detail },
    bySku,
  };
}
