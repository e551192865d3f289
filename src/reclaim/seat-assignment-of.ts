import type { SeatAssignment } from './reclaim-scan';
import type { DirectoryUser } from './reclaim-directory';

/**
 * How `user` holds `skuId`: the first assigning group when any group assigns it (removing a direct
 * assignment alone would free nothing then), otherwise `direct`. `groupNames` maps lower-case ids.
 */
export function seatAssignmentOf(user: DirectoryUser, skuId: string, groupNames: ReadonlyMap<string, string>): SeatAssignment {
  const sku = skuId.toLowerCase();
  const group = user.licenses.find((license) => license.skuId.toLowerCase() === sku && license.assignedByGroup !== null)?.assignedByGroup;
  if (group === undefined || group === null) {
    return 'direct';
  }
  return { groupId: group, displayName: groupNames.get(group.toLowerCase()) ?? null };
}
