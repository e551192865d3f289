/** Why a licensed account is a candidate to give its seat back. */
export type ReclaimReason = 'disabled' | 'inactive';

/**
 * How the candidate holds the seat. `direct` seats are the only ones Headroom may remove; a seat
 * inherited from a group is freed by taking the user out of that group, which Headroom never does.
 * When a user holds the SKU both directly and through a group, the group is named (removing the direct
 * assignment alone would free nothing).
 */
export type SeatAssignment = 'direct' | { groupId: string; displayName: string | null };

/** One licensed account holding one SKU it does not use: one entry per (user, SKU). */
export interface ReclaimCandidate {
  userId: string;
  userPrincipalName: string;
  displayName: string;
  skuId: string;
  reason: ReclaimReason;
  /** The last successful sign-in (ISO-8601); null when there was none or it could not be read. */
  lastSignIn: string | null;
  assignedBy: SeatAssignment;
}

/** Why inactive seats could not be found; the inactive figure is then unknown (null), never 0. */
export type InactiveUnknownReason =
  /** The app lacks AuditLog.Read.All. */
  | 'permission'
  /** The tenant has no Microsoft Entra ID P1 or P2, so Graph has no signInActivity. */
  | 'premium-license'
  /** The read failed for another reason (throttling, an outage). */
  | 'read-failed';

/** One stored reclaim scan: what the leader found on its last run (RECLAIM_SCAN_HOURS). */
export interface ReclaimScan {
  /** When the scan finished (ISO-8601); answers show the scan's age from it. */
  asOf: string;
  /** RECLAIM_INACTIVE_DAYS when the scan ran. */
  inactiveDays: number;
  /** Null when inactive seats were read; otherwise why they are unknown, with a sentence for people. */
  inactiveUnknown: { reason: InactiveUnknownReason; detail: string } | null;
  /** Disabled candidates always; inactive candidates only when `inactiveUnknown` is null. */
  candidates: ReclaimCandidate[];
}
