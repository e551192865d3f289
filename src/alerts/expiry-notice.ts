import type { SkuFigures } from '../licenses/sku-figures';
import type { TenantSubscription } from '../licenses/license-snapshot';

/** Why a SKU's seats are expiring. */
export interface ExpiryNotice {
  /** Seats in a grace period (`prepaidUnits.warning`). */
  warningSeats: number;
  /** The earliest end of a subscription that is not simply renewing, within the warning window; null when none. */
  endsAt: string | null;
  /** That subscription's status (`Warning`, `Suspended`, `Enabled` for a trial...). */
  endingStatus: string | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Finds expiring seats of one SKU, or null when none are expiring:
 * - seats in a grace period (`prepaidUnits.warning` > 0), or
 * - a subscription of the SKU whose `nextLifecycleDateTime` lies between now and `windowDays` ahead
 *   and which is not simply renewing. Graph does not say whether a subscription auto-renews, so an
 *   `Enabled` paid subscription's next lifecycle date is read as its renewal and ignored; a trial,
 *   or a subscription already in `Warning`, `Suspended` or `LockedOut`, moves to its next (worse)
 *   state on that date, so it counts.
 */
export function findExpiryNotice(
  sku: SkuFigures,
  subscriptions: readonly TenantSubscription[],
  now: Date,
  windowDays: number,
): ExpiryNotice | null {
  const nowMs = now.getTime();
  const untilMs = nowMs + windowDays * DAY_MS;
  const skuId = sku.skuId.toLowerCase();
  let ending: { at: number; status: string } | null = null;
  for (const subscription of subscriptions) {
    if (subscription.skuId.toLowerCase() !== skuId || subscription.nextLifecycleDateTime === null) {
      continue;
    }
    const simplyRenewing = subscription.status.trim().toLowerCase() === 'enabled' && !subscription.isTrial;
    const at = Date.parse(subscription.nextLifecycleDateTime);
    if (simplyRenewing || !Number.isFinite(at) || at < nowMs || at > untilMs) {
      continue;
    }
    if (ending === null || at < ending.at) {
      ending = { at, status: subscription.status };
    }
  }
  if (sku.expiring <= 0 && ending === null) {
    return null;
  }
  return {
    warningSeats: Math.max(0, sku.expiring),
    endsAt: ending === null ? null : new Date(ending.at).toISOString(),
    endingStatus: ending === null ? null : ending.status,
  };
}
