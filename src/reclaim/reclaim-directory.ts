/** One product a directory user holds, and who assigned it. */
export interface DirectoryLicense {
  skuId: string;
  /** The group that assigned it; null for a direct assignment. */
  assignedByGroup: string | null;
}

/** A user as the reclaim scan reads it from the directory. */
export interface DirectoryUser {
  id: string;
  userPrincipalName: string;
  displayName: string;
  accountEnabled: boolean;
  /** ISO-8601; null when the directory did not say. */
  createdDateTime: string | null;
  /** The last successful sign-in (ISO-8601); null when there was none or it was not read. */
  lastSuccessfulSignIn: string | null;
  /** Active assignments only (a failed assignment holds no seat), one entry per way the product is assigned. */
  licenses: DirectoryLicense[];
}

/**
 * What the reclaim scan reads from the directory. Every read is sized by what it finds (candidates,
 * exclusion group members), never by the tenant's user count.
 *
 * Errors: `MissingPermissionError` naming the permission to grant; `PremiumLicenseRequiredError` when
 * the tenant has no Microsoft Entra ID P1/P2 (sign-in activity only); `UnavailableError` otherwise.
 */
export interface ReclaimDirectory {
  /** Disabled accounts that still hold at least one license. */
  disabledLicensedUsers(): Promise<DirectoryUser[]>;
  /**
   * Accounts whose last successful sign-in is at or before `cutoff`, and accounts that never signed in,
   * enabled or not, licensed or not: the rules keep the licensed, enabled, old-enough ones.
   */
  usersNotSignedInSince(cutoff: Date): Promise<DirectoryUser[]>;
  /** Ids (lower case) of the users in the group, directly or through nested groups. */
  transitiveMemberIds(groupId: string): Promise<Set<string>>;
  /** Display names of groups by id (lower case keys); a group that no longer exists is left out. */
  groupNames(groupIds: readonly string[]): Promise<Map<string, string>>;
}
