import type { LicenseSnapshot, SubscribedSku, WaitingAssignment } from './license-snapshot';
import { productDisplayName } from './product-catalog';
import type { SkuFigures, WaitingGroup } from './sku-figures';
import { hiddenReason } from './sku-visibility';

/** What Headroom's own state adds to Graph's figures. Keys are SKU GUIDs. */
export interface FigureOptions {
  /** Seats under active holds, per SKU. */
  held?: ReadonlyMap<string, number>;
  /** SKUs an admin muted. */
  muted?: ReadonlySet<string>;
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
 * `consumedUnits`, available = purchased - assigned (negative when over-assigned), waiting = distinct
 * users with a CountViolation for the SKU (one user failing through two groups counts once),
 * shortfall = max(0, waiting - available), held from `options.held`, hidden as {@link hiddenReason}
 * decides, and waitingGroups per group with distinct users, largest first.
 *
 * SKUs keep the snapshot's order; a SKU listed twice keeps its first entry. Negative or non-finite
 * counts from Graph are read as 0.
 */
export function computeSkuFigures(snapshot: LicenseSnapshot, options: FigureOptions = {}): SkuFigures[] {
  const muted = options.muted ?? new Set<string>();
  const waitingBySku = new Map<string, WaitingAssignment[]>();
  for (const assignment of snapshot.waiting) {
    const key = assignment.skuId.toLowerCase();
    const list = waitingBySku.get(key) ?? [];
    list.push(assignment);
    waitingBySku.set(key, list);
  }

  const seen = new Set<string>();
  const figures: SkuFigures[] = [];
  for (const sku of snapshot.skus) {
    const key = sku.skuId.toLowerCase();
    if (seen.has(key)) {
      continue;
    }
    seen.add(key);
    figures.push(figuresFor(sku, snapshot, waitingBySku.get(key) ?? [], options.held, muted));
  }
  return figures;
}

function figuresFor(
  sku: SubscribedSku,
  snapshot: LicenseSnapshot,
  waitingAssignments: readonly WaitingAssignment[],
  held: ReadonlyMap<string, number> | undefined,
  muted: ReadonlySet<string>,
): SkuFigures {
  const purchased = seats(sku.prepaidUnits.enabled);
  const assigned = seats(sku.consumedUnits);
  const available = purchased - assigned;
  const waiting = new Set(waitingAssignments.map((assignment) => assignment.userId.toLowerCase())).size;
  const reason = hiddenReason(sku, snapshot.subscriptions, muted);
  return {
    skuId: sku.skuId,
    skuPartNumber: sku.skuPartNumber,
    displayName: productDisplayName(sku.skuId, sku.skuPartNumber),
    purchased,
    expiring: seats(sku.prepaidUnits.warning),
    suspended: seats(sku.prepaidUnits.suspended),
    lockedOut: seats(sku.prepaidUnits.lockedOut),
    assigned,
    available,
    waiting,
    shortfall: Math.max(0, waiting - available),
    held: seats(lookup(held, sku.skuId) ?? 0),
    hidden: reason !== null,
    hiddenReason: reason,
    waitingGroups: groupWaiting(waitingAssignments),
  };
}

/** Spare seats relative to the SKU's size; a SKU with nothing bought counts as one seat. */
function headroomRatio(figures: SkuFigures): number {
  return figures.available / Math.max(figures.purchased, 1);
}

/**
 * Orders SKUs tightest first, without changing the input: the largest shortfall first (users are
 * waiting now), then the least headroom relative to size (available / purchased: 5 of 1,000 seats
 * left is tighter than 2 of 10, since a large SKU uses up its last seats faster; over-assigned SKUs
 * come before exhausted ones), then the fewest seats available, then by display name.
 */
export function sortTightestFirst(figures: readonly SkuFigures[]): SkuFigures[] {
  return [...figures].sort(
    (a, b) =>
      b.shortfall - a.shortfall ||
      headroomRatio(a) - headroomRatio(b) ||
      a.available - b.available ||
      compareText(a.displayName, b.displayName) ||
      compareText(a.skuId, b.skuId),
  );
}

/**
 * The SKUs that need an admin: visible ones where users are waiting for seats that do not exist
 * (shortfall > 0) or more seats are assigned than bought (available < 0). Tightest first.
 */
export function findShortfalls(figures: readonly SkuFigures[]): SkuFigures[] {
  return sortTightestFirst(figures.filter((sku) => !sku.hidden && (sku.shortfall > 0 || sku.available < 0)));
}
