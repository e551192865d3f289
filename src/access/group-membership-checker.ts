/** Answers which Entra groups a user belongs to; Graph `checkMemberGroups` in production. */
export interface GroupMembershipChecker {
  /**
   * Returns those of `groupIds` the user is a member of, directly or through nested groups. Rejects
   * with a `NotFoundError` for an unknown user and a `ValidationError` for an id that is not a GUID.
   */
  checkMemberGroups(userId: string, groupIds: string[]): Promise<string[]>;
}
