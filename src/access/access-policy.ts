/**
 * Who may change Headroom's settings and who may decide on reservations. Identity is the acting user's
 * Entra object id (`from.aadObjectId`) as the channel reports it, never anything from card data.
 */
export interface AccessPolicy {
  /** Admins run `watch here`, thresholds and mutes: ADMIN_USER_IDS or members of ADMIN_GROUP_ID. */
  isAdmin(aadObjectId: string | null): Promise<boolean>;
  /** Approvers decide reservation suggestions: members of APPROVER_GROUP_ID, or the admins when it is unset. */
  isApprover(aadObjectId: string | null): Promise<boolean>;
}
