import type { GroupUsers, SkuFigures } from '../licenses/sku-figures';

/** The list figures of one SKU in `/api/v1/licenses` (JSON only): who is blocked by what, and the other errors. */
export interface LicenseBreakdowns {
  blockedBy: { skuId: string; displayName: string; users: number; groups: { groupId: string | null; displayName: string; users: number }[] }[] | null;
  otherErrors: { error: string; users: number; groups: { groupId: string | null; displayName: string; users: number }[] }[] | null;
}

/**
 * `blockedBy` and `otherErrors` as the API gives them; both null when the members of error groups
 * could not be read (a missing permission), since they come from the same reads as waiting.
 */
export function licenseBreakdownsOf(sku: SkuFigures): LicenseBreakdowns {
  if (sku.otherErrors === null || sku.blocked === null) {
    return { blockedBy: null, otherErrors: null };
  }
  const groupsOf = (groups: GroupUsers[]) =>
    groups.map((group) => ({ groupId: group.groupId, displayName: group.displayName, users: group.users }));
  return {
    blockedBy: sku.blockedBy.map((cause) => ({ skuId: cause.skuId, displayName: cause.displayName, users: cause.users, groups: groupsOf(cause.groups) })),
    otherErrors: sku.otherErrors.map((error) => ({ error: error.error, users: error.users, groups: groupsOf(error.groups) })),
  };
}
