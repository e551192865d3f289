import type { BlockedAssignment } from './classify-license-errors';
import type { LicenseErrorAssignment } from './license-snapshot';
import type { BlockingCause, GroupUsers, OtherLicenseError } from './sku-figures';

/** The label of users in error through a direct (not group-based) assignment. */
const DIRECT_ASSIGNMENT = 'Direct assignment';

function compareText(a: string, b: string): number {
  return a.localeCompare(b, 'en', { sensitivity: 'base' });
}

/** Distinct users per group, largest first; a null group is a direct assignment. */
function usersByGroup(entries: readonly { userId: string; groupId: string | null; groupDisplayName: string | null }[]): GroupUsers[] {
  const groups = new Map<string, { groupId: string | null; displayName: string; users: Set<string> }>();
  for (const entry of entries) {
    const key = entry.groupId === null ? '' : `g:${entry.groupId.toLowerCase()}`;
    let group = groups.get(key);
    if (group === undefined) {
      const displayName = entry.groupId === null ? DIRECT_ASSIGNMENT : (entry.groupDisplayName?.trim() || entry.groupId);
      group = { groupId: entry.groupId, displayName, users: new Set() };
      groups.set(key, group);
    }
    group.users.add(entry.userId.toLowerCase());
  }
  return [...groups.values()]
    .map((group) => ({ groupId: group.groupId, displayName: group.displayName, users: group.users.size }))
    .sort((a, b) => b.users - a.users || compareText(a.displayName, b.displayName));
}

function distinctUsers(entries: readonly { userId: string }[]): number {
  return new Set(entries.map((entry) => entry.userId.toLowerCase())).size;
}

/** `blockedBy`: per cause SKU, its distinct blocked users and their groups, largest first. */
export function blockingCauses(blocked: readonly BlockedAssignment[], names: ReadonlyMap<string, string>): BlockingCause[] {
  const byCause = new Map<string, BlockedAssignment[]>();
  for (const assignment of blocked) {
    const key = assignment.causeSkuId.toLowerCase();
    byCause.set(key, [...(byCause.get(key) ?? []), assignment]);
  }
  return [...byCause.entries()]
    .map(([key, entries]) => ({
      skuId: (entries[0] as BlockedAssignment).causeSkuId,
      displayName: names.get(key) ?? (entries[0] as BlockedAssignment).causeSkuId,
      users: distinctUsers(entries),
      groups: usersByGroup(entries),
    }))
    .sort((a, b) => b.users - a.users || compareText(a.displayName, b.displayName));
}

/** `otherErrors`: per error code, its distinct users and their groups, most users first. */
export function otherErrorsOf(entries: readonly LicenseErrorAssignment[]): OtherLicenseError[] {
  const byCode = new Map<string, LicenseErrorAssignment[]>();
  for (const entry of entries) {
    byCode.set(entry.error, [...(byCode.get(entry.error) ?? []), entry]);
  }
  return [...byCode.entries()]
    .map(([error, list]) => ({ error, users: distinctUsers(list), groups: usersByGroup(list) }))
    .sort((a, b) => b.users - a.users || a.error.localeCompare(b.error));
}
