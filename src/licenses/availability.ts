import { classifyLicenseErrors, type BlockedAssignment } from './classify-license-errors';
import { blockingCauses, otherErrorsOf } from './error-breakdowns';
import { isInactiveStatus } from './subscription-status';
import type { LicenseErrorAssignment, LicenseSnapshot, SubscribedSku, TenantSubscription, WaitingAssignment } from './license-snapshot';
import { productDisplayName } from './product-catalog';
import type { SkuFigures, WaitingGroup } from './sku-figures';
import { hiddenReason } from './sku-visibility';
import { reclaimableSeatsOf, type ReclaimSummary } from './reclaimable-seats';

/** What Headroom's own state adds to Graph's figures. Keys are SKU GUIDs. */
export interface FigureOptions {
  /** Seats under active holds, per SKU. */
  held?: ReadonlyMap<string, number>;
  /** SKUs an admin muted. */
  muted?: ReadonlySet<string>;
  /** The latest reclaim scan per SKU; null or absent before the first scan. */
  reclaim?: ReclaimSummary | null;
}

/** The label of users waiting through a direct (not group-based) assignment. */
const DIRECT_ASSIGNMENT = 'Direct assignment';

/** Graph should never send these, but a negative or missing count must not become a seat. */
function seats(value: number): number {
  return Number.isFinite(value) && value > 0 ? value : 0;
}

function lookup<T>(map: ReadonlyMap<string, T> | undefined, skuId: string): T | undefined {
  return map?.get(skuId) ?? map?.get(skuId.toLowerCase());
}

function compareText(a: string, b: string): number {
  return a.localeCompare(b, 'en', { sensitivity: 'base' });
}

function groupWaiting(assignments: readonly WaitingAssignment[]): WaitingGroup[] {
  const groups = new Map<string, { groupId: string | null; displayName: string; users: Set<string> }>();
  for (const assignment of assignments) {
    const key = assignment.groupId === null ? '' : `g:${assignment.groupId.toLowerCase()}`;
    let group = groups.get(key);
    if (group === undefined) {
      const displayName =
        assignment.groupId === null ? DIRECT_ASSIGNMENT : (assignment.groupDisplayName?.trim() || assignment.groupId);
      group = { groupId: assignment.groupId, displayName, users: new Set() };
      groups.set(key, group);
    }
    group.users.add(assignment.userId.toLowerCase());
  }
  return [...groups.values()]
    .map((group) => ({ groupId: group.groupId, displayName: group.displayName, waiting: group.users.size }))
    .sort((a, b) => b.waiting - a.waiting || compareText(a.displayName, b.displayName));
}

/**
 * Computes every SKU's figures from a snapshot, exactly as ARCHITECTURE.md defines them:
 * purchased = `prepaidUnits.enabled`, expiring = `warning`, suspended, lockedOut, assigned =
 * `consumedUnits`, available = purchased - assigned (negative when more are assigned than active
 * seats), overAssigned = max(0, assigned - purchased - expiring) (0 for a Suspended, LockedOut or
 * Deleted SKU, whose holders are `lostService` instead), onExpiringSeats = min(expiring,
 * max(0, assigned - purchased)), waiting = distinct users with a CountViolation for the SKU who are
 * not merely blocked (see {@link classifyLicenseErrors}; one user failing through two groups counts
 * once), shortfall = max(0, waiting - available), blocked and blockedBy, otherErrors per code, held
 * from `options.held`, reclaimable from `options.reclaim` (null before the first scan), hidden as {@link hiddenReason} decides, and waitingGroups per group with
 * distinct users, largest first.
 *
 * SKUs keep the snapshot's order; a SKU listed twice keeps its first entry. Negative or non-finite
 * counts from Graph are read as 0.
 */
export function computeSkuFigures(snapshot: LicenseSnapshot, options: FigureOptions = {}): SkuFigures[] {
  const muted = options.muted ?? new Set<string>();
  const seen = new Set<string>();
  const skus: SubscribedSku[] = [];
  for (const sku of snapshot.skus) {
    const key = sku.skuId.toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      skus.push(sku);
    }
  }
  const available = new Map(skus.map((sku) => [sku.skuId.toLowerCase(), seats(sku.prepaidUnits.enabled) - seats(sku.consumedUnits)]));
  const names = new Map(skus.map((sku) => [sku.skuId.toLowerCase(), productDisplayName(sku.skuId, sku.skuPartNumber)]));
  const classified = classifyLicenseErrors(snapshot, available);
  const waitingUnknown = isWaitingUnknown(snapshot);
  return skus.map((sku) => {
    const key = sku.skuId.toLowerCase();
    const errors: SkuErrors = {
      waiting: classified.waiting.get(key) ?? [],
      blocked: classified.blocked.get(key) ?? [],
      otherErrors: classified.otherErrors.get(key) ?? [],
    };
    const figures = figuresFor(sku, snapshot, errors, names, options.held, muted, options.reclaim ?? null);
    return waitingUnknown ? withUnknownWaiting(figures) : figures;
  });
}

/** True when a missing permission kept the members of error groups from being read, so waiting is unknown. */
export function isWaitingUnknown(snapshot: LicenseSnapshot): boolean {
  return (snapshot.problems ?? []).some((problem) => problem.unknown === 'waiting');
}

/** The figures with everything that comes from the error groups' members made unknown (never 0). */
function withUnknownWaiting(figures: SkuFigures): SkuFigures {
  return { ...figures, waiting: null, shortfall: null, blocked: null, blockedBy: [], otherErrors: null, waitingGroups: [] };
}

interface SkuErrors {
  waiting: readonly WaitingAssignment[];
  blocked: readonly BlockedAssignment[];
  otherErrors: readonly LicenseErrorAssignment[];
}

function figuresFor(
  sku: SubscribedSku,
  snapshot: LicenseSnapshot,
  errors: SkuErrors,
  names: ReadonlyMap<string, string>,
  held: ReadonlyMap<string, number> | undefined,
  muted: ReadonlySet<string>,
  reclaim: ReclaimSummary | null,
): SkuFigures {
  const purchased = seats(sku.prepaidUnits.enabled);
  const expiring = seats(sku.prepaidUnits.warning);
  const assigned = seats(sku.consumedUnits);
  const available = purchased - assigned;
  const inactive = isInactiveStatus(sku.capabilityStatus);
  const waitingUsers = new Set(errors.waiting.map((assignment) => assignment.userId.toLowerCase()));
  const blocked = errors.blocked.filter((assignment) => !waitingUsers.has(assignment.userId.toLowerCase()));
  const reason = hiddenReason(sku, snapshot.subscriptions, muted);
  const onExpiringSeats = Math.min(expiring, Math.max(0, assigned - purchased));
  return {
    skuId: sku.skuId,
    skuPartNumber: sku.skuPartNumber,
    displayName: names.get(sku.skuId.toLowerCase()) ?? sku.skuPartNumber,
    status: sku.capabilityStatus,
    purchased,
    expiring,
    suspended: seats(sku.prepaidUnits.suspended),
    lockedOut: seats(sku.prepaidUnits.lockedOut),
    assigned,
    available,
    overAssigned: inactive ? 0 : Math.max(0, assigned - purchased - expiring),
    onExpiringSeats,
    gracePeriodEndsAt: expiring > 0 ? gracePeriodEnd(sku.skuId, snapshot.subscriptions) : null,
    lostService: inactive ? assigned : 0,
    waiting: waitingUsers.size,
    shortfall: Math.max(0, waitingUsers.size - available),
    blocked: new Set(blocked.map((assignment) => assignment.userId.toLowerCase())).size,
    blockedBy: blockingCauses(blocked, names),
    otherErrors: otherErrorsOf(errors.otherErrors),
    held: seats(lookup(held, sku.skuId) ?? 0),
    reclaimable: reclaimableSeatsOf(reclaim, sku.skuId),
    hidden: reason !== null,
    hiddenReason: reason,
    waitingGroups: groupWaiting(errors.waiting),
  };
}

/** The earliest `nextLifecycleDateTime` of the SKU's subscriptions in `Warning` (its grace period); null when none says. */
function gracePeriodEnd(skuId: string, subscriptions: readonly TenantSubscription[]): string | null {
  let earliest: number | null = null;
  for (const subscription of subscriptions) {
    if (subscription.skuId.toLowerCase() !== skuId.toLowerCase() || subscription.status.trim().toLowerCase() !== 'warning') {
      continue;
    }
    const at = subscription.nextLifecycleDateTime === null ? Number.NaN : Date.parse(subscription.nextLifecycleDateTime);
    if (Number.isFinite(at) && (earliest === null || at < earliest)) {
      earliest = at;
    }
  }
  return earliest === null ? null : new Date(earliest).toISOString();
}

/** Spare seats relative to the SKU's size; a SKU with nothing bought counts as one seat. */
function headroomRatio(figures: SkuFigures): number {
  return figures.available / Math.max(figures.purchased, 1);
}

/**
 * Orders SKUs tightest first, without changing the input: the largest shortfall first (users are
 * waiting now; an unknown shortfall ranks as none, so headroom decides), then the least headroom relative to size (available / purchased: 5 of 1,000 seats
 * left is tighter than 2 of 10, since a large SKU uses up its last seats faster; over-assigned SKUs
 * come before exhausted ones), then the fewest seats available, then by display name.
 */
export function sortTightestFirst(figures: readonly SkuFigures[]): SkuFigures[] {
  return [...figures].sort(
    (a, b) =>
      (b.shortfall ?? 0) - (a.shortfall ?? 0) ||
      headroomRatio(a) - headroomRatio(b) ||
      a.available - b.available ||
      compareText(a.displayName, b.displayName) ||
      compareText(a.skuId, b.skuId),
  );
}

/**
 * The SKUs that need an admin: visible ones where users wait for seats that do not exist
 * (shortfall > 0), users sit beyond every usable seat (overAssigned > 0) or on seats in a grace
 * period (onExpiringSeats > 0), or users still hold a suspended, locked-out or deleted subscription
 * (lostService > 0). Tightest first.
 */
export function findShortfalls(figures: readonly SkuFigures[]): SkuFigures[] {
  return sortTightestFirst(
    figures.filter((sku) => !sku.hidden && ((sku.shortfall ?? 0) > 0 || sku.overAssigned > 0 || sku.onExpiringSeats > 0 || sku.lostService > 0)),
  );
}
