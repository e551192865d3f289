import { MissingPermissionError, UnavailableError } from '../errors';
import type { LicenseReader, ReadOptions } from '../licenses/license-reader';
import type {
  ErrorGroupLicenses,
  GroupHolding,
  LicenseErrorAssignment,
  LicenseSnapshot,
  SubscribedSku,
  TenantSubscription,
  WaitingAssignment,
} from '../licenses/license-snapshot';
import type { SnapshotProblem } from '../licenses/snapshot-problem';
import type { BatchRead, GraphBatchReader } from './graph-batch-reader';
import { readAllPages } from './graph-paging';
import type { GraphRequester } from './graph-requester';

const SKU_FIELDS = 'skuId,skuPartNumber,appliesTo,capabilityStatus,consumedUnits,prepaidUnits';
const SUBSCRIPTION_FIELDS = 'id,skuId,skuPartNumber,status,totalLicenses,isTrial,createdDateTime,nextLifecycleDateTime';
const MEMBER_FIELDS = 'id,licenseAssignmentStates';
/** `assignedLicenses` tells which products each error group assigns, in the same request. */
const GROUP_FIELDS = 'id,displayName,assignedLicenses';

/** Keys of the tenant-wide reads in the first `$batch`; member reads are keyed by group. */
const TENANT_READS = { organization: 'tenant:organization', skus: 'tenant:skus', subscriptions: 'tenant:subscriptions', groups: 'tenant:groups' } as const;

function memberKey(groupId: string): string {
  return `members:${groupId}`;
}

/** Only per-group reads may vanish between listing and reading; a 404 on a tenant-wide read is an error. */
function isPerGroupRead(read: BatchRead): boolean {
  return read.key.startsWith('members:');
}

/** Reads that feed only the waiting figure: without their permission, waiting is unknown, the rest still works. */
function feedsOnlyWaiting(read: BatchRead): boolean {
  return read.key === TENANT_READS.groups || read.key.startsWith('members:');
}

const WAITING_UNKNOWN = 'waiting users and the shortfall are unknown';

export interface GraphLicenseReaderOptions {
  /** `$top` for groups and members with license errors (1..999, default 999). */
  pageSize?: number;
  /** Clock for `takenAt`. */
  now?: () => Date;
}

interface ErrorGroup {
  id: string;
  displayName: string | null;
  skuIds: string[];
}

/** What the members' `licenseAssignmentStates` say, sorted into the snapshot's three lists. */
interface MemberFindings {
  waiting: WaitingAssignment[];
  licenseErrors: LicenseErrorAssignment[];
  holdings: GroupHolding[];
}

/** What a snapshot says about members when they could not all be read: nothing. */
function noFindings(): MemberFindings {
  return { waiting: [], licenseErrors: [], holdings: [] };
}

interface Member {
  id: string;
  /** Null when Graph left the property out; the user is then read on its own. */
  states: unknown[] | null;
}

/**
 * Reads a license snapshot from Microsoft Graph. Cost grows with the number of SKUs and of users
 * with license errors, never with the tenant's user count: waiting users are found through groups
 * with `hasMembersWithLicenseErrors` and their `membersWithLicenseErrors`, read through `$batch`.
 */
export class GraphLicenseReader implements LicenseReader {
  private readonly pageSize: number;
  private readonly now: () => Date;
  /** Groups that had members with license errors at the last read: a hint, never a source of truth. */
  private lastErrorGroupIds: string[] = [];

  constructor(
    private readonly requester: GraphRequester,
    private readonly batches: GraphBatchReader,
    options: GraphLicenseReaderOptions = {},
  ) {
    this.pageSize = Math.min(999, Math.max(1, Math.floor(options.pageSize ?? 999)));
    this.now = options.now ?? (() => new Date());
  }

  async readTenant(): Promise<LicenseSnapshot['tenant']> {
    const organizations = await readAllPages(this.requester, 'organization?$select=id,displayName', parseOrganization);
    const tenant = organizations[0];
    if (tenant === undefined) {
      throw new UnavailableError('Microsoft Graph returned no organization for this tenant.');
    }
    return tenant;
  }

  async readSnapshot(options: ReadOptions = {}): Promise<LicenseSnapshot> {
    const headers: Record<string, string> = options.priority === 'low' ? { 'x-ms-throttle-priority': 'low' } : {};
    // One round trip in the steady state: the tenant-wide collections and, speculatively, the members of
    // the groups that had license errors last time go out together. Only groups that newly have errors
    // need a second round. The hint is a cache: a group that no longer has errors is simply ignored.
    const hinted = [...this.lastErrorGroupIds];
    const denied = new Map<string, SnapshotProblem>();
    const skipDenied = (read: BatchRead, error: MissingPermissionError): boolean => {
      if (!feedsOnlyWaiting(read)) {
        return false;
      }
      for (const permission of error.permissions) {
        denied.set(permission, { permission, effect: WAITING_UNKNOWN, unknown: 'waiting' });
      }
      return true;
    };
    const first = await this.batches.readCollections(
      [
        { key: TENANT_READS.organization, path: 'organization?$select=id,displayName' },
        { key: TENANT_READS.skus, path: `subscribedSkus?$select=${SKU_FIELDS}` },
        { key: TENANT_READS.subscriptions, path: `directory/subscriptions?$select=${SUBSCRIPTION_FIELDS}` },
        { key: TENANT_READS.groups, path: `groups?$filter=hasMembersWithLicenseErrors eq true&$select=${GROUP_FIELDS}&$top=${this.pageSize}` },
        ...hinted.map((groupId) => this.membersRead(groupId)),
      ],
      { headers, skipNotFound: isPerGroupRead, skipDenied },
    );
    const tenant = (first.get(TENANT_READS.organization) ?? []).map(parseOrganization)[0];
    if (tenant === undefined) {
      throw new UnavailableError('Microsoft Graph returned no organization for this tenant.');
    }
    const skus = (first.get(TENANT_READS.skus) ?? []).map(parseSku);
    const subscriptions = (first.get(TENANT_READS.subscriptions) ?? []).map(parseSubscription);
    const groups = (first.get(TENANT_READS.groups) ?? []).map(parseGroup);
    const unread = groups.filter((group) => !first.has(memberKey(group.id)));
    const second = unread.length > 0 ? await this.batches.readCollections(unread.map((group) => this.membersRead(group.id)), { headers, skipNotFound: isPerGroupRead, skipDenied }) : new Map<string, unknown[]>();
    const members = new Map(groups.map((group) => [group.id, first.get(memberKey(group.id)) ?? second.get(memberKey(group.id)) ?? []]));
    this.lastErrorGroupIds = groups.map((group) => group.id);
    const findings = denied.size > 0 ? noFindings() : await this.readMemberStates(groups, members, headers, denied);
    const problems = [...denied.values()];
    // Without every member read, no figure that comes from members is known: none is given as 0.
    const known = problems.length === 0 ? findings : noFindings();
    const errorGroups: ErrorGroupLicenses[] = groups.map((group) => ({ groupId: group.id, displayName: group.displayName, skuIds: group.skuIds }));
    return { takenAt: this.now().toISOString(), tenant, skus, subscriptions, ...known, errorGroups: problems.length > 0 ? [] : errorGroups, problems };
  }

  private membersRead(groupId: string): { key: string; path: string } {
    return {
      key: memberKey(groupId),
      path: `groups/${encodeURIComponent(groupId)}/membersWithLicenseErrors?$select=${MEMBER_FIELDS}&$top=${this.pageSize}`,
    };
  }

  private async readMemberStates(
    groups: ErrorGroup[],
    members: Map<string, unknown[]>,
    headers: Record<string, string>,
    denied: Map<string, SnapshotProblem>,
  ): Promise<MemberFindings> {
    const statesByUser = new Map<string, unknown[]>();
    const unread = new Set<string>();
    for (const items of members.values()) {
      for (const member of items.map(parseMember)) {
        if (member.states === null) {
          unread.add(member.id);
        } else {
          statesByUser.set(member.id, member.states);
        }
      }
    }
    const missing = [...unread].filter((id) => !statesByUser.has(id));
    if (missing.length > 0) {
      const users = await this.batches.readEntities(
        missing.map((id) => ({ key: id, path: `users/${encodeURIComponent(id)}?$select=${MEMBER_FIELDS}` })),
        {
          headers,
          skipNotFound: () => true,
          skipDenied: (_read, error) => {
            for (const permission of error.permissions) {
              denied.set(permission, { permission, effect: WAITING_UNKNOWN, unknown: 'waiting' });
            }
            return true;
          },
        },
      );
      for (const user of users.values()) {
        const member = parseMember(user);
        statesByUser.set(member.id, member.states ?? []);
      }
    }
    const names = new Map(groups.map((group) => [group.id.toLowerCase(), group.displayName]));
    return collectMemberStates(statesByUser, names);
  }
}

function byAssignment(a: WaitingAssignment, b: WaitingAssignment): number {
  return a.skuId.localeCompare(b.skuId) || (a.groupId ?? '').localeCompare(b.groupId ?? '') || a.userId.localeCompare(b.userId);
}

/**
 * Sorts every state of the members of error groups: CountViolation entries (waiting), other error
 * codes, and assignments without error (what they hold, by a group or directly). Each is kept once per
 * (user, SKU, group[, error]) however many groups listed the user.
 */
function collectMemberStates(statesByUser: Map<string, unknown[]>, names: Map<string, string | null>): MemberFindings {
  const waiting = new Map<string, WaitingAssignment>();
  const licenseErrors = new Map<string, LicenseErrorAssignment>();
  const holdings = new Map<string, GroupHolding>();
  for (const [userId, states] of statesByUser) {
    for (const state of states) {
      if (!isRecord(state) || typeof state.skuId !== 'string' || state.skuId === '') {
        continue;
      }
      const groupId = typeof state.assignedByGroup === 'string' && state.assignedByGroup !== '' ? state.assignedByGroup : null;
      const groupDisplayName = groupId === null ? null : (names.get(groupId.toLowerCase()) ?? null);
      const key = `${userId}|${state.skuId.toLowerCase()}|${groupId?.toLowerCase() ?? ''}`;
      const error = typeof state.error === 'string' ? state.error.trim() : '';
      if (error === 'CountViolation') {
        if (!waiting.has(key)) {
          waiting.set(key, { userId, skuId: state.skuId, groupId, groupDisplayName });
        }
      } else if (error !== '' && error !== 'None') {
        licenseErrors.set(`${key}|${error}`, { userId, skuId: state.skuId, groupId, groupDisplayName, error });
      } else if (state.state !== 'Error' && state.state !== 'Disabled') {
        holdings.set(key, { userId, skuId: state.skuId, groupId });
      }
    }
  }
  return {
    waiting: [...waiting.values()].sort(byAssignment),
    licenseErrors: [...licenseErrors.values()].sort((a, b) => byAssignment(a, b) || a.error.localeCompare(b.error)),
    holdings: [...holdings.values()].sort((a, b) => a.skuId.localeCompare(b.skuId) || (a.groupId ?? '').localeCompare(b.groupId ?? '') || a.userId.localeCompare(b.userId)),
  };
}

function parseOrganization(item: unknown): { id: string; displayName: string } {
  const record = expectRecord(item, 'organization');
  return { id: expectString(record, 'id', 'organization'), displayName: optionalString(record, 'displayName') ?? '' };
}

function parseSku(item: unknown): SubscribedSku {
  const record = expectRecord(item, 'subscribedSku');
  const prepaid = isRecord(record.prepaidUnits) ? record.prepaidUnits : {};
  return {
    skuId: expectString(record, 'skuId', 'subscribedSku'),
    skuPartNumber: optionalString(record, 'skuPartNumber') ?? '',
    appliesTo: optionalString(record, 'appliesTo') ?? 'User',
    capabilityStatus: optionalString(record, 'capabilityStatus') ?? 'Enabled',
    consumedUnits: count(record.consumedUnits),
    prepaidUnits: {
      enabled: count(prepaid.enabled),
      warning: count(prepaid.warning),
      suspended: count(prepaid.suspended),
      lockedOut: count(prepaid.lockedOut),
    },
  };
}

function parseSubscription(item: unknown): TenantSubscription {
  const record = expectRecord(item, 'subscription');
  return {
    id: expectString(record, 'id', 'subscription'),
    skuId: expectString(record, 'skuId', 'subscription'),
    skuPartNumber: optionalString(record, 'skuPartNumber') ?? '',
    status: optionalString(record, 'status') ?? '',
    totalLicenses: count(record.totalLicenses),
    isTrial: record.isTrial === true,
    createdDateTime: optionalString(record, 'createdDateTime'),
    nextLifecycleDateTime: optionalString(record, 'nextLifecycleDateTime'),
  };
}

function parseGroup(item: unknown): ErrorGroup {
  const record = expectRecord(item, 'group');
  const licenses = Array.isArray(record.assignedLicenses) ? (record.assignedLicenses as unknown[]) : [];
  const skuIds = licenses.flatMap((license) => (isRecord(license) && typeof license.skuId === 'string' && license.skuId !== '' ? [license.skuId] : []));
  return { id: expectString(record, 'id', 'group'), displayName: optionalString(record, 'displayName'), skuIds };
}

function parseMember(item: unknown): Member {
  const record = expectRecord(item, 'member with license errors');
  const states = record.licenseAssignmentStates;
  return { id: expectString(record, 'id', 'member with license errors'), states: Array.isArray(states) ? (states as unknown[]) : null };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function expectRecord(value: unknown, what: string): Record<string, unknown> {
  if (!isRecord(value)) {
    throw new UnavailableError(`Microsoft Graph returned a ${what} that is not an object.`);
  }
  return value;
}

function expectString(record: Record<string, unknown>, key: string, what: string): string {
  const value = record[key];
  if (typeof value !== 'string' || value === '') {
    throw new UnavailableError(`Microsoft Graph returned a ${what} without "${key}".`);
  }
  return value;
}

function optionalString(record: Record<string, unknown>, key: string): string | null {
  const value = record[key];
  return typeof value === 'string' ? value : null;
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}
