import assert from 'node:assert/strict';
import { CONTOSO_IDS, createContosoTenant } from '../../src/demo-tenant/contoso-tenant';
import { startDemoGraphServer } from '../../src/demo-tenant/demo-graph-server';
import type { DemoGraphServer } from '../../src/demo-tenant/demo-graph-server';
import type { DemoTenant } from '../../src/demo-tenant/demo-tenant';
import { ForbiddenError, NotFoundError } from '../../src/errors';
import { createGraphAccess } from '../../src/graph/graph-access';
import type { GraphLicenseReaderOptions } from '../../src/graph/graph-license-reader';
import type { LicenseReader } from '../../src/licenses/license-reader';
import type { WaitingAssignment } from '../../src/licenses/license-snapshot';
import { silentLogger } from '../../src/logger';
import { createRecordingSleep } from './create-recording-sleep';

/** What the tenant model says is waiting: every CountViolation of every member of every error group. */
function expectedWaiting(tenant: DemoTenant): WaitingAssignment[] {
  const found = new Map<string, WaitingAssignment>();
  for (const group of tenant.groupsWithLicenseErrors()) {
    for (const user of tenant.membersWithLicenseErrors(group.id)) {
      for (const state of user.licenseAssignmentStates) {
        if (state.error === 'CountViolation' && state.assignedByGroup !== null) {
          const owner = tenant.findGroup(state.assignedByGroup);
          found.set(`${user.id}|${state.skuId}|${state.assignedByGroup}`, {
            userId: user.id,
            skuId: state.skuId,
            groupId: state.assignedByGroup,
            groupDisplayName: owner?.displayName ?? null,
          });
        }
      }
    }
  }
  return sortWaiting([...found.values()]);
}

function sortWaiting(waiting: WaitingAssignment[]): WaitingAssignment[] {
  const key = (w: WaitingAssignment): string => `${w.skuId}|${w.groupId ?? ''}|${w.userId}`;
  return [...waiting].sort((a, b) => key(a).localeCompare(key(b)));
}

describe('GraphLicenseReader', () => {
  let server: DemoGraphServer;
  let recorder: ReturnType<typeof createRecordingSleep>;

  before(async () => {
    server = await startDemoGraphServer({ tenant: createContosoTenant() });
  });

  after(async () => {
    await server.close();
  });

  beforeEach(() => {
    server.stats.reset();
    server.faults.clear();
    recorder = createRecordingSleep();
  });

  function createReader(reader?: GraphLicenseReaderOptions): LicenseReader {
    return createGraphAccess({ baseUrl: server.baseUrl, auth: { kind: 'none' }, retry: { sleep: recorder.sleep }, reader }, silentLogger)
      .licenseReader;
  }

  it('reads the organization as the tenant', async () => {
    const snapshot = await createReader().readSnapshot();

    assert.deepEqual(snapshot.tenant, { id: server.tenant.organization.id, displayName: server.tenant.organization.displayName });
  });

  it('reads every subscribed SKU with its seat counts', async () => {
    const snapshot = await createReader().readSnapshot();

    assert.deepEqual(snapshot.skus, server.tenant.skus);
  });

  it('reads every subscription with its lifecycle dates', async () => {
    const snapshot = await createReader().readSnapshot();

    assert.deepEqual(snapshot.subscriptions, server.tenant.subscriptions);
  });

  it('reports each failed CountViolation assignment with its group and group name', async () => {
    const snapshot = await createReader().readSnapshot();

    assert.deepEqual(sortWaiting(snapshot.waiting), expectedWaiting(server.tenant));
  });

  it('lists a user waiting through two groups once per group, so distinct users can be counted', async () => {
    const snapshot = await createReader().readSnapshot();

    const e3 = CONTOSO_IDS.skus.SPE_E3;
    const groupsOfBoth = snapshot.waiting.filter((w) => w.userId === CONTOSO_IDS.waitingInBothGroupsUserId && w.skuId === e3).map((w) => w.groupId);
    const distinctE3Users = new Set(snapshot.waiting.filter((w) => w.skuId === e3).map((w) => w.userId));
    assert.deepEqual(groupsOfBoth.sort(), [CONTOSO_IDS.contractorsGroupId, CONTOSO_IDS.tempStaffGroupId].sort());
    assert.equal(distinctE3Users.size, server.tenant.waitingUserIds(e3).length);
  });

  it('reads the products each error group assigns in the groups query itself, at no extra request', async () => {
    const snapshot = await createReader().readSnapshot();

    const expected = server.tenant.groupsWithLicenseErrors().map((group) => ({ groupId: group.id, displayName: group.displayName, skuIds: group.licensedSkuIds }));
    assert.deepEqual(snapshot.errorGroups, expected);
    const groups = server.tenant.groupsWithLicenseErrors().length;
    assert.equal(server.stats.batchParts, 4 + groups, 'one groups read, one members read per group, nothing more');
  });

  it('reports every error other than CountViolation with its code, and what the error members do hold', async () => {
    const snapshot = await createReader().readSnapshot();

    const expected: { userId: string; skuId: string; groupId: string | null; error: string }[] = [];
    const holdings = new Set<string>();
    const seen = new Set<string>();
    for (const group of server.tenant.groupsWithLicenseErrors()) {
      for (const user of server.tenant.membersWithLicenseErrors(group.id)) {
        if (seen.has(user.id)) {
          continue;
        }
        seen.add(user.id);
        for (const state of user.licenseAssignmentStates) {
          if (state.state === 'Error' && state.error !== 'CountViolation') {
            expected.push({ userId: user.id, skuId: state.skuId, groupId: state.assignedByGroup, error: state.error });
          } else if (state.state === 'Active') {
            holdings.add(`${user.id}|${state.skuId}|${state.assignedByGroup ?? ''}`);
          }
        }
      }
    }
    const key = (e: { userId: string; skuId: string; groupId: string | null; error: string }): string => `${e.userId}|${e.skuId}|${e.groupId ?? ''}|${e.error}`;
    assert.deepEqual(snapshot.licenseErrors.map(key).sort(), expected.map(key).sort());
    assert.ok(expected.some((e) => e.error === 'ProhibitedInUsageLocationViolation'), 'Contoso has a usage-location error');
    assert.deepEqual(new Set(snapshot.holdings.map((h) => `${h.userId}|${h.skuId}|${h.groupId ?? ''}`)), holdings);
  });

  it('keeps a group name with markup characters literally', async () => {
    const snapshot = await createReader().readSnapshot();

    const names = snapshot.waiting.filter((w) => w.groupId === CONTOSO_IDS.rdInternsGroupId).map((w) => w.groupDisplayName);
    assert.ok(names.length > 0);
    assert.ok(names.every((name) => name === server.tenant.findGroup(CONTOSO_IDS.rdInternsGroupId)?.displayName));
  });

  it('follows every next page of groups and of members with license errors', async () => {
    const whole = await createReader().readSnapshot();
    server.stats.reset();

    const paged = await createReader({ pageSize: 1 }).readSnapshot();

    assert.deepEqual(sortWaiting(paged.waiting), sortWaiting(whole.waiting));
    assert.ok((server.stats.byEndpoint['GET /v1.0/groups'] ?? 0) >= server.tenant.groupsWithLicenseErrors().length);
    assert.ok((server.stats.byEndpoint['GET /v1.0/groups/{id}/membersWithLicenseErrors'] ?? 0) > server.tenant.groupsWithLicenseErrors().length);
  });

  it('reads the tenant-wide collections, then the members of every group with errors, through $batch', async () => {
    await createReader().readSnapshot();

    const groups = server.tenant.groupsWithLicenseErrors().length;
    assert.equal(server.stats.batchParts, 4 + groups);
    assert.equal(server.stats.httpRequests, 1 + Math.ceil(groups / 20));
    assert.equal(server.stats.byEndpoint['GET /v1.0/users'], undefined);
  });

  it('needs one round trip once it knows which groups have errors', async () => {
    const reader = createReader();
    await reader.readSnapshot();
    server.stats.reset();

    const again = await reader.readSnapshot();

    const groups = server.tenant.groupsWithLicenseErrors().length;
    assert.ok(4 + groups <= 20, 'the Contoso tenant fits one batch');
    assert.equal(server.stats.httpRequests, 1);
    assert.equal(server.stats.batchParts, 4 + groups);
    assert.equal(new Set([...again.waiting, ...again.licenseErrors].map((w) => w.userId)).size, new Set(server.tenant.groupsWithLicenseErrors().flatMap((g) => server.tenant.membersWithLicenseErrors(g.id).map((u) => u.id))).size);
  });

  it('still finds a group that newly has errors, and ignores one whose errors cleared', async () => {
    const reader = createReader();
    const before = await reader.readSnapshot();
    const e3 = server.tenant.findSku('SPE_E3');
    assert.ok(e3);
    const newUser = server.tenant.addWaitingUser(CONTOSO_IDS.office365GroupId, e3.skuId);
    server.tenant.removeWaitingUsers('POWER_BI_PRO');

    const after = await reader.readSnapshot();

    assert.ok(after.waiting.some((w) => w.userId === newUser && w.groupId === CONTOSO_IDS.office365GroupId));
    assert.ok(!after.waiting.some((w) => w.skuId === CONTOSO_IDS.skus.POWER_BI_PRO));
    assert.ok(before.waiting.some((w) => w.skuId === CONTOSO_IDS.skus.POWER_BI_PRO));
  });

  it('sends low throttle priority when the read is a background one', async () => {
    await createReader().readSnapshot({ priority: 'low' });

    assert.equal(server.stats.headersSeen['x-ms-throttle-priority'], 'low');
  });

  it('sends no throttle priority on a normal read', async () => {
    await createReader().readSnapshot();

    assert.equal(server.stats.headersSeen['x-ms-throttle-priority'], undefined);
  });

  it('shows a change in the tenant on the next read', async () => {
    const reader = createReader();
    await reader.readSnapshot();
    const consumed = (server.tenant.findSku('VISIOCLIENT')?.consumedUnits ?? 0) + 1;
    server.tenant.updateSku('VISIOCLIENT', { consumedUnits: consumed });

    const snapshot = await reader.readSnapshot();

    assert.equal(snapshot.skus.find((sku) => sku.skuPartNumber === 'VISIOCLIENT')?.consumedUnits, consumed);
  });

  it('retries a group throttled inside the batch after the Retry-After Graph gave it', async () => {
    server.faults.inject({ status: 429, insideBatch: true, retryAfterSeconds: 3, pathIncludes: 'membersWithLicenseErrors' });

    const snapshot = await createReader().readSnapshot();

    assert.deepEqual(recorder.waits, [3000]);
    assert.deepEqual(sortWaiting(snapshot.waiting), expectedWaiting(server.tenant));
  });

  it('fails with ForbiddenError naming the permission to consent to when Graph denies SKUs', async () => {
    server.faults.inject({
      status: 403,
      pathIncludes: 'subscribedSkus',
      code: 'Authorization_RequestDenied',
      message: 'Insufficient privileges to complete the operation.',
    });

    await assert.rejects(createReader().readSnapshot(), (error: unknown) => {
      assert.ok(error instanceof ForbiddenError);
      assert.match(error.message, /lacks permission/);
      assert.match(error.message, /admin consent for Organization\.Read\.All/);
      return true;
    });
  });

  it('fails on a 404 for a tenant-wide read instead of taking it as an empty list', async () => {
    server.faults.inject({ status: 404, pathIncludes: 'subscribedSkus', code: 'Request_ResourceNotFound', message: 'gone' });

    await assert.rejects(createReader().readSnapshot(), NotFoundError);
  });

  it('reads the figures without GroupMember.Read.All and says waiting is unknown, naming the permission', async () => {
    server.grants.grantOnly(['Organization.Read.All', 'User.Read.All']);
    try {
      const snapshot = await createReader().readSnapshot();

      assert.equal(snapshot.skus.length, server.tenant.skus.length);
      assert.deepEqual(snapshot.waiting, []);
      assert.deepEqual(
        snapshot.problems?.map((problem) => [problem.permission, problem.unknown]),
        [['GroupMember.Read.All', 'waiting']],
      );
    } finally {
      server.grants.grantAll();
    }
  });

  it('stamps the snapshot with the time of the read', async () => {
    const at = new Date('2030-01-02T03:04:05.000Z');

    const snapshot = await createReader({ now: () => at }).readSnapshot();

    assert.equal(snapshot.takenAt, at.toISOString());
  });
});
