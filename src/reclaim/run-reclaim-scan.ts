import { describeInactiveUnknown } from './describe-inactive-unknown';
import { findDisabledCandidates } from './find-disabled-candidates';
import { findInactiveCandidates } from './find-inactive-candidates';
import type { DirectoryUser, ReclaimDirectory } from './reclaim-directory';
import type { ReclaimCandidate, ReclaimScan } from './reclaim-scan';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface ReclaimScanSettings {
  /** RECLAIM_INACTIVE_DAYS. */
  inactiveDays: number;
  /** RECLAIM_EXCLUDE_GROUP_ID, or null. */
  excludeGroupId: string | null;
  now: () => Date;
}

/**
 * Reads the directory once and applies the candidate rules. Disabled seats are always found: a failed
 * read of disabled users or of the exclusion group fails the scan (a partial list could name excluded
 * accounts). A failed sign-in read leaves inactive seats unknown, with the reason.
 */
export async function runReclaimScan(directory: ReclaimDirectory, settings: ReclaimScanSettings): Promise<ReclaimScan> {
  const cutoff = new Date(settings.now().getTime() - settings.inactiveDays * DAY_MS);
  const excludedUserIds = settings.excludeGroupId === null ? new Set<string>() : await directory.transitiveMemberIds(settings.excludeGroupId);
  const disabled = await directory.disabledLicensedUsers();
  let inactive: DirectoryUser[] = [];
  let inactiveUnknown: ReclaimScan['inactiveUnknown'] = null;
  try {
    inactive = await directory.usersNotSignedInSince(cutoff);
  } catch (error) {
    inactiveUnknown = describeInactiveUnknown(error);
  }
  const groupIds = new Set<string>();
  for (const user of [...disabled, ...inactive]) {
    for (const license of user.licenses) {
      if (license.assignedByGroup !== null) {
        groupIds.add(license.assignedByGroup.toLowerCase());
      }
    }
  }
  const groupNames = groupIds.size === 0 ? new Map<string, string>() : await directory.groupNames([...groupIds]);
  const lastSignIns = new Map(inactive.map((user) => [user.id.toLowerCase(), user.lastSuccessfulSignIn]));
  // One candidate per (user, SKU): a user listed by both reads (eventual consistency) keeps the first reason.
  const byUserAndSku = new Map<string, ReclaimCandidate>();
  for (const candidate of [
    ...findDisabledCandidates({ users: disabled, excludedUserIds, groupNames, lastSignIns }),
    ...findInactiveCandidates({ users: inactive, cutoff, excludedUserIds, groupNames }),
  ]) {
    const key = `${candidate.userId.toLowerCase()}|${candidate.skuId.toLowerCase()}`;
    if (!byUserAndSku.has(key)) {
      byUserAndSku.set(key, candidate);
    }
  }
  const candidates = [...byUserAndSku.values()];
  return { asOf: settings.now().toISOString(), inactiveDays: settings.inactiveDays, inactiveUnknown, candidates };
}
