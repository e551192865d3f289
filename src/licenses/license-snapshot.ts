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

import type { SnapshotProblem } from './snapshot-problem';

/** Everything Headroom knows about a tenant's licenses at one moment, as read from Graph. */
export interface LicenseSnapshot {
  /** ISO-8601 time the read finished. */
  takenAt: string;
  tenant: { id: string; displayName: string };
  skus: SubscribedSku[];
  subscriptions: TenantSubscription[];
  waiting: WaitingAssignment[];
  /** What could not be read for want of a Graph permission; absent or empty when everything was read. */
  problems?: SnapshotProblem[];
}
