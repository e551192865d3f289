/** Statuses in which a subscription no longer serves its users. */
const INACTIVE_STATUSES = new Set(['suspended', 'lockedout', 'deleted']);

/** True for `capabilityStatus` Suspended, LockedOut or Deleted (any case): its users have lost service. */
export function isInactiveStatus(status: string): boolean {
  return INACTIVE_STATUSES.has(status.trim().toLowerCase());
}
