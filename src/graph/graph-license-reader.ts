import { UnavailableError } from '../errors';
import type { LicenseReader, ReadOptions } from '../licenses/license-reader';
import type { LicenseSnapshot, SubscribedSku, TenantSubscription, WaitingAssignment } from '../licenses/license-snapshot';
import type { GraphBatchReader } from './graph-batch-reader';
import { readAllPages } from './graph-paging';
import type { GraphRequester } from './graph-requester';

const SKU_FIELDS = 'skuId,skuPartNumber,appliesTo,capabilityStatus,consumedUnits,prepaidUnits';
const SUBSCRIPTION_FIELDS = 'id,skuId,skuPartNumber,status,totalLicenses,isTrial,createdDateTime,nextLifecycleDateTime';
const MEMBER_FIELDS = 'id,licenseAssignmentStates';

export interface GraphLicenseReaderOptions {
  /** `$top` for groups and members with license errors (1..999, default 999). */
  pageSize?: number;
  /** Clock for `takenAt`. */
  now?: () => Date;
}

interface ErrorGroup {
  id: string;
  displayName: string | null;
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
    const [organizations, skus, subscriptions, groups] = await Promise.all([
      readAllPages(this.requester, 'organization?$select=id,displayName', parseOrganization, { headers }),
      readAllPages(this.requester, `subscribedSkus?$select=${SKU_FIELDS}`, parseSku, { headers }),
      readAllPages(this.requester, `directory/subscriptions?$select=${SUBSCRIPTION_FIELDS}`, parseSubscription, { headers }),
      readAllPages(
        this.requester,
        `groups?$filter=hasMembersWithLicenseErrors eq true&$select=id,displayName&$top=${this.pageSize}`,
        parseGroup,
        { headers },
      ),
    ]);
    const tenant = organizations[0];
    if (tenant === undefined) {
      throw new UnavailableError('Microsoft Graph returned no organization for this tenant.');
    }
    const waiting = await this.readWaiting(groups, headers);
    return { takenAt: this.now().toISOString(), tenant, skus, subscriptions, waiting };
  }

  private async readWaiting(groups: ErrorGroup[], headers: Record<string, string>): Promise<WaitingAssignment[]> {
    const members = await this.batches.readCollections(
      groups.map((group) => ({
        key: group.id,
        path: `groups/${encodeURIComponent(group.id)}/membersWithLicenseErrors?$select=${MEMBER_FIELDS}&$top=${this.pageSize}`,
      })),
      { headers, skipNotFound: true },
    );
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
        { headers, skipNotFound: true },
      );
      for (const user of users.values()) {
        const member = parseMember(user);
        statesByUser.set(member.id, member.states ?? []);
      }
    }
    const names = new Map(groups.map((group) => [group.id, group.displayName]));
    return collectWaiting(statesByUser, names);
  }
}

/** Keeps the CountViolation entries, once per (user, SKU, group) however many groups listed the user. */
function collectWaiting(statesByUser: Map<string, unknown[]>, names: Map<string, string | null>): WaitingAssignment[] {
  const waiting = new Map<string, WaitingAssignment>();
  for (const [userId, states] of statesByUser) {
    for (const state of states) {
      if (!isRecord(state) || state.error !== 'CountViolation' || typeof state.skuId !== 'string') {
        continue;
      }
      const groupId = typeof state.assignedByGroup === 'string' && state.assignedByGroup !== '' ? state.assignedByGroup : null;
      const key = `${userId}|${state.skuId.toLowerCase()}|${groupId ?? ''}`;
      if (!waiting.has(key)) {
        waiting.set(key, { userId, skuId: state.skuId, groupId, groupDisplayName: groupId === null ? null : (names.get(groupId) ?? null) });
      }
    }
  }
  return [...waiting.values()].sort(
    (a, b) => a.skuId.localeCompare(b.skuId) || (a.groupId ?? '').localeCompare(b.groupId ?? '') || a.userId.localeCompare(b.userId),
  );
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
  return { id: expectString(record, 'id', 'group'), displayName: optionalString(record, 'displayName') };
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
