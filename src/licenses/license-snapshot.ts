import type { SnapshotProblem } from './snapshot-problem';

/** Seat counts Microsoft reports for one subscribed SKU (Graph `prepaidUnits`). */
export interface PrepaidUnits {
  enabled: number;
  warning: number;
  suspended: number;
  lockedOut: number;
}

/** One entry of Graph `subscribedSkus`, reduced to what Headroom reads. */
export interface SubscribedSku {
  skuId: string;
  skuPartNumber: string;
  /** `User` or `Company`. */
  appliesTo: string;
  /** `Enabled`, `Warning`, `Suspended`, `Deleted` or `LockedOut`. */
  capabilityStatus: string;
  consumedUnits: number;
  prepaidUnits: PrepaidUnits;
}

/** One entry of Graph `directory/subscriptions` (a commerce subscription behind a SKU). */
export interface TenantSubscription {
  id: string;
  skuId: string;
  skuPartNumber: string;
  status: string;
  totalLicenses: number;
  isTrial: boolean;
  createdDateTime: string | null;
  /** When the subscription next changes state (renews, expires, is disabled); null when unknown. */
  nextLifecycleDateTime: string | null;
}

/**
 * A user left unlicensed by group-based licensing because the SKU ran out of seats:
 * a `licenseAssignmentStates` entry with `error: CountViolation`.
 */
export interface WaitingAssignment {
  userId: string;
  skuId: string;
  /** The group whose license assignment failed; null for a direct assignment. */
  groupId: string | null;
  groupDisplayName: string | null;
}

/**
 * A user whose group-based (or direct) assignment of a SKU failed with an error other than
 * CountViolation: `MutuallyExclusiveViolation`, `DependencyViolation`, `ProhibitedInUsageLocationViolation`,
 * `UniquenessViolation` or `Other` (any other code Graph sends is kept as it came).
 */
export interface LicenseErrorAssignment {
  userId: string;
  skuId: string;
  groupId: string | null;
  groupDisplayName: string | null;
  /** Graph's `licenseAssignmentState.error`. */
  error: string;
}

/** A group with members in license errors, and the SKUs it assigns (Graph `group.assignedLicenses`). */
export interface ErrorGroupLicenses {
  groupId: string;
  displayName: string | null;
  skuIds: string[];
}

/** A SKU a member of an error group does hold: an assignment without error, by a group or direct (null). */
export interface GroupHolding {
  userId: string;
  skuId: string;
  groupId: string | null;
}

/** Everything Headroom knows about a tenant's licenses at one moment, as read from Graph. */
export interface LicenseSnapshot {
  /** ISO-8601 time the read finished. */
  takenAt: string;
  tenant: { id: string; displayName: string };
  skus: SubscribedSku[];
  subscriptions: TenantSubscription[];
  /** CountViolation entries, once per (user, SKU, group). */
  waiting: WaitingAssignment[];
  /** Every other error entry of the members of error groups, once per (user, SKU, group, error). */
  licenseErrors: LicenseErrorAssignment[];
  /** The groups with license errors and the SKUs each assigns. */
  errorGroups: ErrorGroupLicenses[];
  /** What the members of error groups do hold (to tell "blocked" from "holds it anyway"). */
  holdings: GroupHolding[];
  /** What could not be read for want of a Graph permission; absent or empty when everything was read. */
  problems?: SnapshotProblem[];
}
