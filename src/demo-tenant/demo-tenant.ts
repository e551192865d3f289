import { NotFoundError, ValidationError } from '../errors';
import { createDemoGuid } from './demo-guid';
import type {
  DemoGroup,
  DemoOrganization,
  DemoSku,
  DemoSubscription,
  DemoUser,
  LicenseAssignmentState,
} from './demo-records';
import { ListUserDirectory } from './list-user-directory';
import type { UserDirectory } from './user-directory';

/** Changes a test may make to a SKU's seat counts. */
export interface SkuPatch {
  consumedUnits?: number;
  enabled?: number;
  warning?: number;
  suspended?: number;
  lockedOut?: number;
}

export interface DemoTenantInit {
  organization: DemoOrganization;
  skus: DemoSku[];
  subscriptions: DemoSubscription[];
  groups: DemoGroup[];
  /** Users as a list or as a directory that computes them on demand. */
  users: readonly DemoUser[] | UserDirectory;
  /** Failed group-based assignments (`state: Error`), keyed by user id. */
  licenseErrors?: ReadonlyMap<string, readonly LicenseAssignmentState[]>;
  /** Which SKUs cannot be removed while another is kept (a service plan depends on one of theirs). */
  licenseDependencies?: readonly LicenseDependency[];
}

/** `dependentSkuId`'s service plan `dependentPlanId` needs `requiredPlanId` of `skuId`. */
export interface LicenseDependency {
  skuId: string;
  requiredPlanId: string;
  dependentSkuId: string;
  dependentPlanId: string;
}

/** Why a direct license removal was refused; nothing changed. */
export type LicenseRemovalRefusal =
  | { reason: 'unknown-sku'; skuId: string }
  | { reason: 'inherited'; skuId: string }
  | { reason: 'not-held'; skuId: string }
  | { reason: 'dependency'; skuId: string; dependency: LicenseDependency };

/** Counts the control endpoint and demo summaries show. */
export interface DemoTenantSummary {
  tenantId: string;
  displayName: string;
  users: number;
  groups: number;
  skus: { skuId: string; skuPartNumber: string; enabled: number; consumedUnits: number; waitingUsers: number }[];
  groupsWithLicenseErrors: number;
}

/**
 * The live, mutable model behind the demo Graph server. Every response is computed from it, so a
 * change made here shows in the next response.
 *
 * Users come from a base directory (possibly virtual) plus users added at run time; license errors
 * and extra group memberships are kept beside them so a virtual user never needs materialising.
 */
export class DemoTenant {
  readonly organization: DemoOrganization;
  readonly skus: DemoSku[];
  readonly subscriptions: DemoSubscription[];
  private readonly groupList: DemoGroup[];
  private readonly groupById = new Map<string, DemoGroup>();
  private readonly baseUsers: UserDirectory;
  private readonly addedUsers = new ListUserDirectory();
  private readonly errorsByUser = new Map<string, LicenseAssignmentState[]>();
  private readonly extraGroupsByUser = new Map<string, Set<string>>();
  /** Direct assignments removed at run time: user id (lower case) -> SKU ids (lower case). */
  private readonly removedDirectByUser = new Map<string, Set<string>>();
  /** Accounts turned back on in this run, with when (they count as signed in then). */
  private readonly enabledByUser = new Map<string, string>();
  private readonly dependencies: readonly LicenseDependency[];
  private addedUserCounter = 0;
  /**
   * Whether the tenant has Microsoft Entra ID P1 or P2. Without it Graph refuses signInActivity with
   * 403 Authentication_RequestFromNonPremiumTenantOrB2CTenant.
   */
  premium = true;
  /** Group id (lower case) -> ids of users with a failed assignment from it; rebuilt after a change. */
  private errorsByGroup: Map<string, string[]> | undefined;

  constructor(init: DemoTenantInit) {
    this.organization = init.organization;
    this.skus = init.skus;
    this.subscriptions = init.subscriptions;
    this.groupList = init.groups;
    for (const group of init.groups) {
      this.groupById.set(group.id.toLowerCase(), group);
    }
    this.baseUsers = isDirectory(init.users) ? init.users : new ListUserDirectory(init.users);
    for (const [userId, states] of init.licenseErrors ?? []) {
      this.errorsByUser.set(userId.toLowerCase(), [...states]);
    }
    this.dependencies = init.licenseDependencies ?? [];
  }

  get tenantId(): string {
    return this.organization.id;
  }

  get groups(): readonly DemoGroup[] {
    return this.groupList;
  }

  get userCount(): number {
    return this.baseUsers.size + this.addedUsers.size;
  }

  /** The user at a position in the directory order (base users first, then added ones). */
  userAt(index: number): DemoUser {
    const raw = index < this.baseUsers.size ? this.baseUsers.userAt(index) : this.addedUsers.userAt(index - this.baseUsers.size);
    return this.compose(raw);
  }

  findUser(userId: string): DemoUser | undefined {
    const raw = this.findRawUser(userId);
    return raw === undefined ? undefined : this.compose(raw);
  }

  /** Every user (base and added) that `matches`, in directory order. Users are composed one at a time. */
  findUsers(matches: (user: DemoUser) => boolean): DemoUser[] {
    const found: DemoUser[] = [];
    for (let index = 0; index < this.userCount; index += 1) {
      const user = this.userAt(index);
      if (matches(user)) {
        found.push(user);
      }
    }
    return found;
  }

  /** Users in the group directly or through groups nested in it (Graph `transitiveMembers/microsoft.graph.user`). */
  transitiveMemberUsers(groupId: string): DemoUser[] {
    const inside = new Set<string>([groupId.toLowerCase()]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const group of this.groupList) {
        const key = group.id.toLowerCase();
        if (!inside.has(key) && group.parentGroupIds.some((parent) => inside.has(parent.toLowerCase()))) {
          inside.add(key);
          grew = true;
        }
      }
    }
    return this.findUsers((user) => user.groupIds.some((id) => inside.has(id.toLowerCase())));
  }

  findGroup(groupId: string): DemoGroup | undefined {
    return this.groupById.get(groupId.toLowerCase());
  }

  /** A SKU by its GUID or its part number (case-insensitive). */
  findSku(skuIdOrPartNumber: string): DemoSku | undefined {
    const key = skuIdOrPartNumber.toLowerCase();
    return this.skus.find((sku) => sku.skuId.toLowerCase() === key || sku.skuPartNumber.toLowerCase() === key);
  }

  /** Groups holding at least one member whose license assignment from that group failed, in group order. */
  groupsWithLicenseErrors(): DemoGroup[] {
    const index = this.errorIndex();
    return this.groupList.filter((group) => index.has(group.id.toLowerCase()));
  }

  /** Whether any member's license assignment from this group failed. */
  hasMembersWithLicenseErrors(groupId: string): boolean {
    return this.errorIndex().has(groupId.toLowerCase());
  }

  /** Users whose license assignment from this group failed, in the order the failures were recorded. */
  membersWithLicenseErrors(groupId: string): DemoUser[] {
    const userIds = this.errorIndex().get(groupId.toLowerCase()) ?? [];
    return userIds.map((userId) => this.findUser(userId)).filter((user): user is DemoUser => user !== undefined);
  }

  /** Distinct users with a CountViolation for a SKU. */
  waitingUserIds(skuIdOrPartNumber: string): string[] {
    const sku = this.requireSku(skuIdOrPartNumber);
    const ids: string[] = [];
    for (const [userId, states] of this.errorsByUser) {
      if (states.some((state) => isCountViolationFor(state, sku.skuId))) {
        ids.push(userId);
      }
    }
    return ids;
  }

  /** Every group the user belongs to, directly or through nested groups. */
  transitiveGroupIds(userId: string): Set<string> {
    const user = this.findUser(userId);
    const found = new Set<string>();
    if (user === undefined) {
      return found;
    }
    const pending = [...user.groupIds];
    while (pending.length > 0) {
      const groupId = (pending.pop() ?? '').toLowerCase();
      if (found.has(groupId)) {
        continue;
      }
      found.add(groupId);
      pending.push(...(this.findGroup(groupId)?.parentGroupIds ?? []));
    }
    return found;
  }

  /** Changes a SKU's seat counts; unknown SKUs throw NotFoundError. */
  updateSku(skuIdOrPartNumber: string, patch: SkuPatch): DemoSku {
    const sku = this.requireSku(skuIdOrPartNumber);
    const counts: [keyof SkuPatch, number | undefined][] = Object.entries(patch) as [keyof SkuPatch, number | undefined][];
    for (const [key, value] of counts) {
      if (value !== undefined && (!Number.isInteger(value) || value < 0)) {
        throw new ValidationError(`${key} must be a whole number of seats, got ${String(value)}`);
      }
    }
    if (patch.consumedUnits !== undefined) {
      sku.consumedUnits = patch.consumedUnits;
    }
    if (patch.enabled !== undefined) {
      sku.prepaidUnits.enabled = patch.enabled;
    }
    if (patch.warning !== undefined) {
      sku.prepaidUnits.warning = patch.warning;
    }
    if (patch.suspended !== undefined) {
      sku.prepaidUnits.suspended = patch.suspended;
    }
    if (patch.lockedOut !== undefined) {
      sku.prepaidUnits.lockedOut = patch.lockedOut;
    }
    return sku;
  }

  /**
   * Records a failed (CountViolation) assignment of `skuId` through `groupId`. Without `userId` a new
   * user is created; either way the user becomes a member of the group. Returns the user's id.
   */
  addWaitingUser(groupId: string, skuId: string, userId?: string): string {
    const group = this.requireGroup(groupId);
    const sku = this.requireSku(skuId);
    const id = userId ?? this.createUser(`Waiting User ${this.addedUserCounter + 1}`).id;
    if (this.findRawUser(id) === undefined) {
      throw new NotFoundError(`No user ${id} in the demo tenant`);
    }
    const key = id.toLowerCase();
    const states = this.errorsByUser.get(key) ?? [];
    const already = states.some(
      (state) => isCountViolationFor(state, sku.skuId) && state.assignedByGroup !== null && state.assignedByGroup.toLowerCase() === group.id.toLowerCase(),
    );
    if (!already) {
      states.push({
        skuId: sku.skuId,
        assignedByGroup: group.id,
        state: 'Error',
        error: 'CountViolation',
        disabledPlans: [],
        lastUpdatedDateTime: new Date().toISOString(),
      });
    }
    this.errorsByUser.set(key, states);
    this.errorsByGroup = undefined;
    this.addGroupMembership(id, group.id);
    return id;
  }

  /**
   * Clears the CountViolation errors of up to `count` waiting users of a SKU (all of them when
   * omitted), oldest first, as if an admin had resolved them. Seat counts are left alone.
   * Returns how many users were cleared.
   */
  removeWaitingUsers(skuIdOrPartNumber: string, count?: number): number {
    const sku = this.requireSku(skuIdOrPartNumber);
    return this.clearErrorStates((state) => isCountViolationFor(state, sku.skuId), count);
  }

  /**
   * Clears every failed assignment of a SKU, whatever its error code (CountViolation, usage location,
   * mutually exclusive...), as if an admin had resolved them all. Returns how many users were cleared.
   */
  removeLicenseErrors(skuIdOrPartNumber: string): number {
    const sku = this.requireSku(skuIdOrPartNumber);
    return this.clearErrorStates((state) => state.state === 'Error' && state.skuId.toLowerCase() === sku.skuId.toLowerCase());
  }

  /** Drops the error states that `matches` from up to `limit` users (every user when omitted), oldest first. Returns how many users changed. */
  private clearErrorStates(matches: (state: LicenseAssignmentState) => boolean, limit?: number): number {
    let cleared = 0;
    for (const [userId, states] of [...this.errorsByUser]) {
      if (limit !== undefined && cleared >= limit) {
        break;
      }
      const remaining = states.filter((state) => !matches(state));
      if (remaining.length === states.length) {
        continue;
      }
      cleared += 1;
      this.errorsByGroup = undefined;
      if (remaining.length === 0) {
        this.errorsByUser.delete(userId);
      } else {
        this.errorsByUser.set(userId, remaining);
      }
    }
    return cleared;
  }

  /** Sets `nextLifecycleDateTime` on every subscription of a SKU. */
  setSubscriptionLifecycle(skuIdOrPartNumber: string, isoDate: string | null): void {
    const sku = this.requireSku(skuIdOrPartNumber);
    if (isoDate !== null && Number.isNaN(Date.parse(isoDate))) {
      throw new ValidationError(`Not an ISO date: ${isoDate}`);
    }
    for (const subscription of this.subscriptions) {
      if (subscription.skuId.toLowerCase() === sku.skuId.toLowerCase()) {
        subscription.nextLifecycleDateTime = isoDate;
      }
    }
  }

  /** Makes a user a direct member of a group. */
  addGroupMembership(userId: string, groupId: string): void {
    const group = this.requireGroup(groupId);
    if (this.findRawUser(userId) === undefined) {
      throw new NotFoundError(`No user ${userId} in the demo tenant`);
    }
    const key = userId.toLowerCase();
    const groups = this.extraGroupsByUser.get(key) ?? new Set<string>();
    groups.add(group.id);
    this.extraGroupsByUser.set(key, groups);
  }

  /** Turns a disabled account back on (an admin re-enabling a leaver); a signed-in-today account from then on. */
  enableAccount(userId: string, now: Date = new Date()): void {
    if (this.findRawUser(userId) === undefined) {
      throw new NotFoundError(`No user ${userId} in the demo tenant`);
    }
    this.enabledByUser.set(userId.toLowerCase(), now.toISOString());
  }

  /** Adds a new, unlicensed user and returns it. */
  createUser(displayName: string): DemoUser {
    this.addedUserCounter += 1;
    const id = createDemoGuid(`${this.tenantId}:added-user:${this.addedUserCounter}`);
    const domain = this.organization.verifiedDomains.find((d) => d.isDefault)?.name ?? 'example.com';
    const alias = `added.user${this.addedUserCounter}`;
    const user: DemoUser = {
      id,
      displayName,
      userPrincipalName: `${alias}@${domain}`,
      mail: `${alias}@${domain}`,
      jobTitle: null,
      accountEnabled: true,
      groupIds: [],
      licenseAssignmentStates: [],
      createdDateTime: new Date().toISOString(),
      signInActivity: null,
    };
    this.addedUsers.add(user);
    return user;
  }

  /**
   * Removes direct assignments of `skuIds` from a user, all or nothing, as `assignLicense` with
   * `removeLicenses` does: each SKU must exist and be held directly, and no kept license may depend on
   * it. A SKU's `consumedUnits` falls when the user no longer holds it at all (a group may still assign
   * it). Returns the refusal, or null when done. Unknown users throw NotFoundError.
   */
  removeDirectLicenses(userId: string, skuIds: readonly string[]): LicenseRemovalRefusal | null {
    const user = this.findUser(userId);
    if (user === undefined) {
      throw new NotFoundError(`No user ${userId} in the demo tenant`);
    }
    const removing = new Set(skuIds.map((skuId) => skuId.toLowerCase()));
    const active = user.licenseAssignmentStates.filter((state) => state.state === 'Active' || state.state === 'ActiveWithError');
    for (const skuId of removing) {
      if (!this.skus.some((sku) => sku.skuId.toLowerCase() === skuId)) {
        return { reason: 'unknown-sku', skuId };
      }
      const held = active.filter((state) => state.skuId.toLowerCase() === skuId);
      if (!held.some((state) => state.assignedByGroup === null)) {
        return { reason: held.length > 0 ? 'inherited' : 'not-held', skuId };
      }
    }
    const keptSkuIds = new Set(
      active.filter((state) => state.assignedByGroup !== null || !removing.has(state.skuId.toLowerCase())).map((state) => state.skuId.toLowerCase()),
    );
    for (const skuId of removing) {
      const dependency = this.dependencies.find(
        (d) => d.skuId.toLowerCase() === skuId && keptSkuIds.has(d.dependentSkuId.toLowerCase()) && !keptSkuIds.has(skuId),
      );
      if (dependency !== undefined) {
        return { reason: 'dependency', skuId, dependency };
      }
    }
    const key = user.id.toLowerCase();
    const removed = this.removedDirectByUser.get(key) ?? new Set<string>();
    for (const skuId of removing) {
      removed.add(skuId);
      if (!keptSkuIds.has(skuId)) {
        const sku = this.requireSku(skuId);
        sku.consumedUnits = Math.max(0, sku.consumedUnits - 1);
      }
    }
    this.removedDirectByUser.set(key, removed);
    return null;
  }

  /**
   * Retries a user's failed group assignments (CountViolation) as Entra does on reprocessing: per
   * group, the group's failed SKUs are all assigned when each has a free seat (enabled − consumed), and
   * stay in error otherwise. An assigned SKU the user did not hold yet takes a seat. Returns how many
   * assignments became Active. Unknown users throw NotFoundError.
   */
  reprocessLicenseAssignments(userId: string, now: Date = new Date()): number {
    const user = this.findUser(userId);
    if (user === undefined) {
      throw new NotFoundError(`No user ${userId} in the demo tenant`);
    }
    const key = user.id.toLowerCase();
    const states = this.errorsByUser.get(key) ?? [];
    const waiting = states.filter((state) => state.state === 'Error' && state.error === 'CountViolation' && state.assignedByGroup !== null);
    const byGroup = new Map<string, LicenseAssignmentState[]>();
    for (const state of waiting) {
      const groupKey = (state.assignedByGroup ?? '').toLowerCase();
      byGroup.set(groupKey, [...(byGroup.get(groupKey) ?? []), state]);
    }
    let assigned = 0;
    for (const failed of byGroup.values()) {
      const held = new Set(this.findUser(user.id)?.licenseAssignmentStates.filter((s) => s.state === 'Active').map((s) => s.skuId.toLowerCase()));
      const needSeat = [...new Set(failed.map((state) => state.skuId.toLowerCase()))].filter((skuId) => !held.has(skuId));
      const fits = needSeat.every((skuId) => {
        const sku = this.findSku(skuId);
        return sku !== undefined && sku.prepaidUnits.enabled - sku.consumedUnits > 0;
      });
      if (!fits) {
        continue;
      }
      for (const skuId of needSeat) {
        this.requireSku(skuId).consumedUnits += 1;
      }
      for (const state of failed) {
        const at = states.indexOf(state);
        states[at] = { ...state, state: 'Active', error: 'None', lastUpdatedDateTime: now.toISOString() };
        assigned += 1;
      }
    }
    if (assigned > 0) {
      this.errorsByUser.set(key, states);
      this.errorsByGroup = undefined;
    }
    return assigned;
  }

  summarize(): DemoTenantSummary {
    return {
      tenantId: this.tenantId,
      displayName: this.organization.displayName,
      users: this.userCount,
      groups: this.groupList.length,
      skus: this.skus.map((sku) => ({
        skuId: sku.skuId,
        skuPartNumber: sku.skuPartNumber,
        enabled: sku.prepaidUnits.enabled,
        consumedUnits: sku.consumedUnits,
        waitingUsers: this.waitingUserIds(sku.skuId).length,
      })),
      groupsWithLicenseErrors: this.groupsWithLicenseErrors().length,
    };
  }

  private errorIndex(): Map<string, string[]> {
    if (this.errorsByGroup === undefined) {
      const index = new Map<string, string[]>();
      for (const [userId, states] of this.errorsByUser) {
        const failed = states.filter((state) => state.state === 'Error');
        const groupIds = new Set(failed.map((state) => state.assignedByGroup?.toLowerCase()));
        for (const groupId of groupIds) {
          if (groupId !== undefined) {
            const members = index.get(groupId) ?? [];
            members.push(userId);
            index.set(groupId, members);
          }
        }
      }
      this.errorsByGroup = index;
    }
    return this.errorsByGroup;
  }

  private findRawUser(userId: string): DemoUser | undefined {
    const baseIndex = this.baseUsers.indexOf(userId);
    if (baseIndex !== undefined) {
      return this.baseUsers.userAt(baseIndex);
    }
    const addedIndex = this.addedUsers.indexOf(userId);
    return addedIndex === undefined ? undefined : this.addedUsers.userAt(addedIndex);
  }

  private compose(raw: DemoUser): DemoUser {
    const key = raw.id.toLowerCase();
    const errors = this.errorsByUser.get(key);
    const extraGroups = this.extraGroupsByUser.get(key);
    const removed = this.removedDirectByUser.get(key);
    const enabledAt = this.enabledByUser.get(key);
    if (errors === undefined && extraGroups === undefined && removed === undefined && enabledAt === undefined) {
      return raw;
    }
    const kept =
      removed === undefined
        ? raw.licenseAssignmentStates
        : raw.licenseAssignmentStates.filter((state) => state.assignedByGroup !== null || !removed.has(state.skuId.toLowerCase()));
    return {
      ...raw,
      ...(enabledAt === undefined ? {} : { accountEnabled: true, signInActivity: { lastSignInDateTime: enabledAt, lastSuccessfulSignInDateTime: enabledAt } }),
      groupIds: extraGroups === undefined ? raw.groupIds : [...new Set([...raw.groupIds, ...extraGroups])],
      licenseAssignmentStates: errors === undefined ? kept : [...kept, ...errors],
    };
  }

  private requireSku(skuIdOrPartNumber: string): DemoSku {
    const sku = this.findSku(skuIdOrPartNumber);
    if (sku === undefined) {
      throw new NotFoundError(`No SKU ${skuIdOrPartNumber} in the demo tenant`);
    }
    return sku;
  }

  private requireGroup(groupId: string): DemoGroup {
    const group = this.findGroup(groupId);
    if (group === undefined) {
      throw new NotFoundError(`No group ${groupId} in the demo tenant`);
    }
    return group;
  }
}

function isDirectory(users: readonly DemoUser[] | UserDirectory): users is UserDirectory {
  return !Array.isArray(users);
}

function isCountViolationFor(state: LicenseAssignmentState, skuId: string): boolean {
  return state.error === 'CountViolation' && state.skuId.toLowerCase() === skuId.toLowerCase();
}
