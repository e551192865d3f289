import type { ReclaimableSeats } from './reclaimable-seats';

/** Why a SKU is left out of overviews and alerts. */
export type HiddenReason = 'company' | 'free' | 'trial' | 'viral' | 'muted';

/** Users waiting for a SKU because one group's license assignment ran out of seats. */
export interface WaitingGroup {
  groupId: string | null;
  displayName: string;
  waiting: number;
}

/** Users in one group, for a figure broken down by group. */
export interface GroupUsers {
  groupId: string | null;
  displayName: string;
  users: number;
}

/** A SKU that has no free seat and so holds back the other products of the groups listed. */
export interface BlockingCause {
  skuId: string;
  displayName: string;
  /** Distinct users blocked on this SKU because of the cause. */
  users: number;
  groups: GroupUsers[];
}

/** Users whose assignment of the SKU failed with one error code other than CountViolation. */
export interface OtherLicenseError {
  /** Graph's code: MutuallyExclusiveViolation, DependencyViolation, ProhibitedInUsageLocationViolation, UniquenessViolation, Other. */
  error: string;
  users: number;
  groups: GroupUsers[];
}

/** The license figures for one SKU, as ARCHITECTURE.md defines them. */
export interface SkuFigures {
  skuId: string;
  skuPartNumber: string;
  displayName: string;
  /** Graph's `capabilityStatus`: Enabled, Warning, Suspended, LockedOut or Deleted. */
  status: string;
  purchased: number;
  expiring: number;
  suspended: number;
  lockedOut: number;
  assigned: number;
  /** purchased - assigned; negative means more assigned than active seats. */
  available: number;
  /** Users beyond every usable seat: max(0, assigned - purchased - expiring); 0 for a suspended, locked-out or deleted SKU. */
  overAssigned: number;
  /** Users on seats in a grace period, who lose service when it ends: min(expiring, max(0, assigned - purchased)). */
  onExpiringSeats: number;
  /** When the grace period ends (the earliest `nextLifecycleDateTime` of the SKU's subscriptions in `Warning`); null when not given. */
  gracePeriodEndsAt: string | null;
  /** Users who still hold a Suspended, LockedOut or Deleted SKU and have lost service (its assigned seats); 0 otherwise. */
  lostService: number;
  /**
   * Distinct users whose assignment of this SKU failed with CountViolation, not counting those merely
   * blocked; null when unknown (the members of error groups could not be read, see the snapshot's problems).
   */
  waiting: number | null;
  /** max(0, waiting - available); null when waiting is unknown. */
  shortfall: number | null;
  /** Distinct users not given this SKU only because another product of the same group has no free seat; null when waiting is unknown. */
  blocked: number | null;
  /** The SKUs that cause `blocked`, with their groups; largest first. */
  blockedBy: BlockingCause[];
  /** Users in other licensing errors, per code; buying seats does not fix them. Null when unknown (same reads as waiting). */
  otherErrors: OtherLicenseError[] | null;
  /** Seats under active holds taken by automation. */
  held: number;
  /**
   * Seats held by disabled accounts and by accounts inactive for the scan's `inactiveDays`, from the
   * latest reclaim scan (with its age); null before the first scan. `inactive` is null when unknown.
   */
  reclaimable: ReclaimableSeats | null;
  hidden: boolean;
  hiddenReason: HiddenReason | null;
  waitingGroups: WaitingGroup[];
}
