/**
 * What the `reclaim` answer shows, in plain values: the chat layer fills it from the stored reclaim scan
 * and the current figures. Cards never read the scan themselves.
 */
export interface ReclaimView {
  /** When the scan finished (ISO-8601). */
  asOf: string;
  now: Date;
  /** RECLAIM_INACTIVE_DAYS of the scan. */
  inactiveDays: number;
  /** Null when inactive seats were read; otherwise why they are unknown. */
  inactiveUnknown: { reason: 'permission' | 'premium-license' | 'read-failed'; detail: string } | null;
  /** The product the user asked about (literal), or null for every product. */
  query: string | null;
  /**
   * `shown`: an admin asked in a personal chat and sees each person. Otherwise only counts, and why:
   * `not-admin`; `admin-check-failed` when the directory could not say; `shared-conversation` when the
   * question was asked in a channel or group chat, where everyone would read the names.
   */
  names: 'shown' | 'not-admin' | 'admin-check-failed' | 'shared-conversation';
  /** The products answered, most seats to reclaim first. */
  products: ReclaimProductView[];
}

/** One product's seats on disabled or inactive accounts. */
export interface ReclaimProductView {
  name: string;
  partNumber: string;
  disabled: number;
  /** Null when inactive seats are unknown. */
  inactive: number | null;
  /** Seats assigned directly (the ones Headroom can remove). */
  direct: number;
  /** Seats inherited from groups, most first; `name` null when the group's name is unknown (its id is shown). */
  groups: { id: string; name: string | null; seats: number }[];
  /** Every candidate, only when names are shown; empty otherwise. */
  people: ReclaimPersonView[];
}

/** One account holding the product, for admins. */
export interface ReclaimPersonView {
  displayName: string;
  userPrincipalName: string;
  reason: 'disabled' | 'inactive';
  /** ISO-8601, or null when there was none or it could not be read. */
  lastSignIn: string | null;
  /** `direct`, or the group the seat comes from. */
  heldBy: 'direct' | { id: string; name: string | null };
}
