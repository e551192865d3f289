import type { SkuFigures } from '../licenses/sku-figures';
import type { NewReclaimRequest, ReclaimRequest } from './reclaim-request';
import type { ReclaimScan } from './reclaim-scan';

/** What one SKU's reclaim card should be after a tick. */
export type ReclaimPlan = { kind: 'show'; request: NewReclaimRequest } | { kind: 'withdraw'; skuId: string };

export interface ReclaimPlanInput {
  figures: readonly SkuFigures[];
  scan: ReclaimScan;
  /** The SKU's alert line in seats (its threshold, or the default), by lower-case SKU id. */
  thresholdSeats: (sku: SkuFigures) => number;
  /** Lower-case ids of SKUs with a proposed or approved reservation suggestion. */
  suggested: ReadonlySet<string>;
  /** Lower-case ids of SKUs with an open reclaim request. */
  open: ReadonlySet<string>;
  /** Recently dismissed and done requests, newest first. */
  closed: readonly ReclaimRequest[];
}

function directUserIds(request: Pick<ReclaimRequest, 'seats'>): Set<string> {
  return new Set(request.seats.filter((seat) => seat.assignedBy === 'direct').map((seat) => seat.userId.toLowerCase()));
}

/** True when the SKU needs seats: short, below its alert line, or with an open suggestion. */
function needsSeats(sku: SkuFigures, input: ReclaimPlanInput): boolean {
  return (sku.shortfall ?? 0) > 0 || sku.available < input.thresholdSeats(sku) || input.suggested.has(sku.skuId.toLowerCase());
}

/**
 * Decides each SKU's reclaim card. A visible SKU that needs seats and has direct seats on disabled
 * accounts in the scan shows a card listing every seat on a disabled account (direct ones to remove,
 * group ones to take out of their group); an open card whose SKU no longer qualifies is withdrawn.
 * Inactive accounts are never listed: a person looks at those first. Seats a reclaim finished after
 * the scan are left out until the next scan, and seats an approver dismissed are not asked about again
 * unless another direct seat joins them.
 */
export function planReclaimRequests(input: ReclaimPlanInput): ReclaimPlan[] {
  const plans: ReclaimPlan[] = [];
  const shown = new Set<string>();
  for (const sku of input.figures) {
    const skuId = sku.skuId.toLowerCase();
    const closed = input.closed.filter((r) => r.skuId.toLowerCase() === skuId);
    // Seats a reclaim dealt with after the scan was taken: the scan does not know yet.
    const handled = new Set(closed.filter((r) => r.status === 'done' && Date.parse(r.updatedAt) > Date.parse(input.scan.asOf)).flatMap((r) => [...directUserIds(r)]));
    const seats = input.scan.candidates.filter((c) => c.reason === 'disabled' && c.skuId.toLowerCase() === skuId && !handled.has(c.userId.toLowerCase()));
    const direct = seats.filter((seat) => seat.assignedBy === 'direct').map((seat) => seat.userId.toLowerCase());
    if (sku.hidden || !needsSeats(sku, input) || direct.length === 0) {
      continue;
    }
    // An approver dismissed these very seats: ask again only when someone new leaves.
    const dismissed = closed.find((r) => r.status === 'dismissed');
    if (dismissed !== undefined && !input.open.has(skuId) && direct.every((userId) => directUserIds(dismissed).has(userId))) {
      continue;
    }
    shown.add(skuId);
    plans.push({
      kind: 'show',
      request: {
        skuId,
        skuPartNumber: sku.skuPartNumber,
        displayName: sku.displayName,
        scanAsOf: input.scan.asOf,
        seats: seats.map((c) => ({ userId: c.userId, userPrincipalName: c.userPrincipalName, displayName: c.displayName, lastSignIn: c.lastSignIn, assignedBy: c.assignedBy })),
      },
    });
  }
  for (const skuId of input.open) {
    if (!shown.has(skuId)) {
      plans.push({ kind: 'withdraw', skuId });
    }
  }
  return plans;
}
