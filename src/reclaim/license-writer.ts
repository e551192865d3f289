/** A Graph error for one license write, kept as Graph said it (its code, e.g. `Request_BadRequest`, and its message). */
export class LicenseWriteError extends Error {
  constructor(
    message: string,
    /** Graph's error code, or `Unknown` when the answer carried none. */
    readonly code: string,
    /** The HTTP status Graph answered. */
    readonly status: number,
  ) {
    super(message);
    this.name = 'LicenseWriteError';
  }
}

/**
 * The Graph writes reclaiming needs (only used with RECLAIM_ACTIONS=on and after an approval).
 * Both throw `LicenseWriteError` for an error Graph answered about this user or group, and
 * `MissingPermissionError` when the permission is not granted (LicenseAssignment.ReadWrite.All for
 * removals, User.ReadWrite.All for reprocessing). A removal is sent once: after a 5xx or a lost
 * connection it throws `UnavailableError` and the outcome is unknown (the caller checks the user before
 * trying again); a 429 that does not clear also throws `UnavailableError`, and then nothing was changed.
 */
export interface LicenseWriter {
  /** `POST /users/{id}/assignLicense` with `addLicenses: []` and `removeLicenses: [skuId]`. */
  removeDirectLicense(userId: string, skuId: string): Promise<void>;
  /** `POST /groups/{id}/reprocessLicenseAssignment`: Entra retries the group's assignments. */
  reprocessGroup(groupId: string): Promise<void>;
}
