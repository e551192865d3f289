import type { LicenseErrorAssignment, LicenseSnapshot, WaitingAssignment } from './license-snapshot';

/** A user not given a SKU by a group because another SKU of that group (the cause) has no free seat. */
export interface BlockedAssignment {
  userId: string;
  skuId: string;
  causeSkuId: string;
  groupId: string;
  groupDisplayName: string | null;
}

/** The snapshot's license errors sorted into what each one means, per SKU (lower-case SKU id keys). */
export interface ClassifiedLicenseErrors {
  /** CountViolation entries that mean the user waits for a seat of the SKU. */
  waiting: ReadonlyMap<string, WaitingAssignment[]>;
  /** Users merely blocked on the SKU, with the cause; a user may appear once per cause and group. */
  blocked: ReadonlyMap<string, BlockedAssignment[]>;
  /** Other error codes, except on SKUs where the same user is blocked through the same group. */
  otherErrors: ReadonlyMap<string, LicenseErrorAssignment[]>;
}

const lower = (value: string): string => value.toLowerCase();

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list === undefined) {
    map.set(key, [value]);
  } else {
    list.push(value);
  }
}

/**
 * Applies ARCHITECTURE.md's rule for groups that assign several products. Microsoft Entra ID assigns
 * none of a group's products when it cannot assign one of them, so for each user and group:
 * the SKUs the user has a CountViolation for and that have no free seat (available <= 0) are the
 * cause; the user waits for each cause SKU and is blocked on every other SKU the group assigns
 * (`assignedLicenses`) unless the user holds it anyway, whether or not Graph recorded an error on it
 * (and whatever code it recorded). When none of the user's CountViolation SKUs in the group lacks
 * seats, CountViolation means waiting and every other code stays what it says.
 *
 * `available` gives purchased - assigned per lower-case SKU id; a SKU not in it is never a cause.
 */
export function classifyLicenseErrors(snapshot: LicenseSnapshot, available: ReadonlyMap<string, number>): ClassifiedLicenseErrors {
  const groupSkus = new Map(snapshot.errorGroups.map((group) => [lower(group.groupId), group.skuIds.map(lower)]));
  const groupNames = new Map(snapshot.errorGroups.map((group) => [lower(group.groupId), group.displayName]));
  const holds = new Set(snapshot.holdings.map((holding) => `${lower(holding.userId)}|${lower(holding.skuId)}`));

  // The errors of each (user, group), to find the causes.
  const countByUserGroup = new Map<string, WaitingAssignment[]>();
  for (const assignment of snapshot.waiting) {
    if (assignment.groupId !== null) {
      push(countByUserGroup, `${lower(assignment.userId)}|${lower(assignment.groupId)}`, assignment);
    }
  }
  const otherByUserGroup = new Map<string, LicenseErrorAssignment[]>();
  for (const assignment of snapshot.licenseErrors) {
    if (assignment.groupId !== null) {
      push(otherByUserGroup, `${lower(assignment.userId)}|${lower(assignment.groupId)}`, assignment);
    }
  }

  const blockedKeys = new Set<string>();
  const blocked = new Map<string, BlockedAssignment[]>();
  for (const [key, counts] of countByUserGroup) {
    // Cause SKU ids as Graph spelled them, keyed in lower case.
    const causeIds = new Map(counts.filter((a) => (available.get(lower(a.skuId)) ?? 1) <= 0).map((a) => [lower(a.skuId), a.skuId]));
    const causes = [...causeIds.keys()];
    if (causes.length === 0) {
      continue;
    }
    const first = counts[0] as WaitingAssignment;
    const groupKey = lower(first.groupId ?? '');
    const candidates = new Set([
      ...(groupSkus.get(groupKey) ?? []),
      ...counts.map((a) => lower(a.skuId)),
      ...(otherByUserGroup.get(key) ?? []).map((a) => lower(a.skuId)),
    ]);
    for (const skuId of candidates) {
      if (causes.includes(skuId)) {
        continue;
      }
      blockedKeys.add(`${key}|${skuId}`);
      if (holds.has(`${lower(first.userId)}|${skuId}`)) {
        continue;
      }
      for (const causeSkuId of causeIds.values()) {
        push(blocked, skuId, {
          userId: first.userId,
          skuId,
          causeSkuId,
          groupId: first.groupId ?? '',
          groupDisplayName: groupNames.get(groupKey) ?? first.groupDisplayName,
        });
      }
    }
  }

  const isBlocked = (assignment: { userId: string; skuId: string; groupId: string | null }): boolean =>
    assignment.groupId !== null && blockedKeys.has(`${lower(assignment.userId)}|${lower(assignment.groupId)}|${lower(assignment.skuId)}`);
  const waiting = new Map<string, WaitingAssignment[]>();
  for (const assignment of snapshot.waiting) {
    if (!isBlocked(assignment)) {
      push(waiting, lower(assignment.skuId), assignment);
    }
  }
  const otherErrors = new Map<string, LicenseErrorAssignment[]>();
  for (const assignment of snapshot.licenseErrors) {
    if (!isBlocked(assignment)) {
      push(otherErrors, lower(assignment.skuId), assignment);
    }
  }
  return { waiting, blocked, otherErrors };
}
