import type { DemoTenant } from '../../src/demo-tenant/demo-tenant';
import { productDisplayName } from '../../src/licenses/product-catalog';

interface GroupCount {
  groupId: string | null;
  displayName: string;
  users: number;
}

/** The figures a SKU must have, worked out from the demo tenant's own model by ARCHITECTURE.md's definitions. */
export interface ExpectedFigures {
  overAssigned: number;
  onExpiringSeats: number;
  waiting: number;
  blocked: number;
  blockedBy: { skuId: string; displayName: string; users: number; groups: GroupCount[] }[];
  otherErrors: { error: string; users: number; groups: GroupCount[] }[];
}

const INACTIVE = ['suspended', 'lockedout', 'deleted'];

function counted(usersByGroup: Map<string, Set<string>>, names: (groupId: string) => string): GroupCount[] {
  return [...usersByGroup]
    .map(([groupId, users]) => ({ groupId, displayName: names(groupId), users: users.size }))
    .sort((a, b) => b.users - a.users || a.displayName.localeCompare(b.displayName));
}

/**
 * An independent oracle for the API and chat tests. It walks the tenant's users with license errors
 * and applies the rules one user and one group at a time: the CountViolation SKUs of a group with no
 * free seat are the cause; the user waits for them and is blocked on the group's other products
 * (unless holding them); without a cause CountViolation is waiting; other codes are other errors
 * unless the user is blocked on that SKU through that group.
 */
export function expectedFigures(tenant: DemoTenant): Map<string, ExpectedFigures> {
  const available = new Map(tenant.skus.map((sku) => [sku.skuId, sku.prepaidUnits.enabled - sku.consumedUnits]));
  const waiting = new Map<string, Set<string>>();
  const blocked = new Map<string, Map<string, Map<string, Set<string>>>>(); // sku -> cause -> group -> users
  const other = new Map<string, Map<string, Map<string, Set<string>>>>(); // sku -> code -> group -> users
  const add = <K>(map: Map<string, K>, key: string, make: () => K): K => {
    const found = map.get(key);
    if (found !== undefined) {
      return found;
    }
    const made = make();
    map.set(key, made);
    return made;
  };
  const members = new Map<string, ReturnType<DemoTenant['membersWithLicenseErrors']>[number]>();
  for (const group of tenant.groupsWithLicenseErrors()) {
    for (const user of tenant.membersWithLicenseErrors(group.id)) {
      members.set(user.id, user);
    }
  }
  for (const user of members.values()) {
    const held = new Set(user.licenseAssignmentStates.filter((s) => s.state === 'Active' || s.state === 'ActiveWithError').map((s) => s.skuId));
    const groupIds = new Set(user.licenseAssignmentStates.filter((s) => s.state === 'Error' && s.assignedByGroup !== null).map((s) => s.assignedByGroup as string));
    const blockedHere = new Set<string>();
    for (const groupId of groupIds) {
      const states = user.licenseAssignmentStates.filter((s) => s.state === 'Error' && s.assignedByGroup === groupId);
      const causes = states.filter((s) => s.error === 'CountViolation' && (available.get(s.skuId) ?? 1) <= 0).map((s) => s.skuId);
      if (causes.length === 0) {
        continue;
      }
      const products = new Set([...(tenant.findGroup(groupId)?.licensedSkuIds ?? []), ...states.map((s) => s.skuId)]);
      for (const skuId of products) {
        if (causes.includes(skuId)) {
          continue;
        }
        blockedHere.add(`${groupId}|${skuId}`);
        if (held.has(skuId)) {
          continue;
        }
        for (const cause of causes) {
          add(add(add(blocked, skuId, () => new Map()), cause, () => new Map()), groupId, () => new Set()).add(user.id);
        }
      }
    }
    for (const state of user.licenseAssignmentStates) {
      if (state.state !== 'Error' || (state.assignedByGroup !== null && blockedHere.has(`${state.assignedByGroup}|${state.skuId}`))) {
        continue;
      }
      if (state.error === 'CountViolation') {
        add(waiting, state.skuId, () => new Set()).add(user.id);
      } else {
        add(add(add(other, state.skuId, () => new Map()), state.error, () => new Map()), state.assignedByGroup ?? '', () => new Set()).add(user.id);
      }
    }
  }
  const groupName = (groupId: string): string => tenant.findGroup(groupId)?.displayName ?? groupId;
  const result = new Map<string, ExpectedFigures>();
  for (const sku of tenant.skus) {
    const { enabled, warning } = sku.prepaidUnits;
    const waitingUsers = waiting.get(sku.skuId) ?? new Set<string>();
    const causes = blocked.get(sku.skuId) ?? new Map<string, Map<string, Set<string>>>();
    for (const groups of causes.values()) {
      for (const users of groups.values()) {
        for (const user of waitingUsers) {
          users.delete(user);
        }
      }
    }
    const blockedUsers = new Set([...causes.values()].flatMap((groups) => [...groups.values()].flatMap((users) => [...users])));
    const inactive = INACTIVE.includes(sku.capabilityStatus.toLowerCase());
    result.set(sku.skuId, {
      overAssigned: inactive ? 0 : Math.max(0, sku.consumedUnits - enabled - warning),
      onExpiringSeats: Math.min(warning, Math.max(0, sku.consumedUnits - enabled)),
      waiting: waitingUsers.size,
      blocked: blockedUsers.size,
      blockedBy: [...causes]
        .map(([cause, groups]) => {
          const part = tenant.findSku(cause)?.skuPartNumber ?? cause;
          const users = new Set([...groups.values()].flatMap((set) => [...set]));
          return { skuId: cause, displayName: productDisplayName(cause, part), users: users.size, groups: counted(groups, groupName) };
        })
        .filter((cause) => cause.users > 0),
      otherErrors: [...(other.get(sku.skuId) ?? new Map<string, Map<string, Set<string>>>())].map(([error, groups]) => ({
        error,
        users: new Set([...groups.values()].flatMap((set) => [...set])).size,
        groups: counted(groups, groupName),
      })),
    });
  }
  return result;
}
