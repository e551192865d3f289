import assert from 'node:assert/strict';
import { DirectoryAccessPolicy, type DirectoryAccessSettings } from '../../src/access/directory-access-policy';
import { CONTOSO_IDS } from '../../src/demo-tenant/contoso-tenant';
import { startDemoGraphServer, type DemoGraphServer } from '../../src/demo-tenant/demo-graph-server';
import { UnavailableError } from '../../src/errors';
import { createGraphAccess, type GraphAccess } from '../../src/graph/graph-access';
import { silentLogger } from '../../src/logger';

const CHECK_ENDPOINT = 'POST /v1.0/users/{id}/checkMemberGroups';
const MINUTE_MS = 60_000;

describe('DirectoryAccessPolicy', () => {
  let server: DemoGraphServer;
  let graph: GraphAccess;
  let clock: number;

  before(async () => {
    server = await startDemoGraphServer();
    graph = createGraphAccess({ baseUrl: server.baseUrl, auth: { kind: 'none' }, retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 } }, silentLogger);
  });
  after(async () => {
    await server.close();
  });
  beforeEach(() => {
    server.stats.reset();
    server.faults.clear();
    clock = Date.parse('2025-05-01T09:00:00Z');
  });

  function policy(settings: Partial<DirectoryAccessSettings> = {}): DirectoryAccessPolicy {
    return new DirectoryAccessPolicy({
      adminUserIds: [],
      adminGroupId: null,
      approverGroupId: null,
      memberChecker: graph.memberChecker,
      now: () => clock,
      ...settings,
    });
  }

  function membershipChecks(): number {
    return server.stats.byEndpoint[CHECK_ENDPOINT] ?? 0;
  }

  it('treats a user listed in ADMIN_USER_IDS as an admin without asking Graph, in any letter case', async () => {
    const access = policy({ adminUserIds: [CONTOSO_IDS.adminUserId.toUpperCase()] });

    assert.equal(await access.isAdmin(CONTOSO_IDS.adminUserId), true);
    assert.equal(membershipChecks(), 0);
  });

  it('treats a transitive member of ADMIN_GROUP_ID as an admin', async () => {
    const access = policy({ adminGroupId: CONTOSO_IDS.approverGroupId });

    assert.equal(await access.isAdmin(CONTOSO_IDS.nestedApproverUserId), true);
  });

  it('does not treat a user outside the admin group as an admin', async () => {
    const access = policy({ adminUserIds: [CONTOSO_IDS.adminUserId], adminGroupId: CONTOSO_IDS.approverGroupId });

    assert.equal(await access.isAdmin(CONTOSO_IDS.regularUserId), false);
  });

  it('never treats a missing or empty object id as an admin, even when everyone is', async () => {
    const access = policy({ everyoneIsAdmin: true, adminGroupId: CONTOSO_IDS.approverGroupId });

    assert.deepEqual([await access.isAdmin(null), await access.isAdmin(''), await access.isAdmin('  ')], [false, false, false]);
    assert.equal(membershipChecks(), 0);
  });

  it('treats nobody as an admin when no admins are configured', async () => {
    const access = policy();

    assert.equal(await access.isAdmin(CONTOSO_IDS.adminUserId), false);
  });

  it('treats a user Graph does not know as no admin', async () => {
    const access = policy({ adminGroupId: CONTOSO_IDS.approverGroupId });

    assert.equal(await access.isAdmin('00000000-0000-4000-8000-000000000099'), false);
  });

  it('refuses with an UnavailableError when Graph fails, and asks again next time', async () => {
    const access = policy({ adminGroupId: CONTOSO_IDS.approverGroupId });
    server.faults.inject({ status: 503, times: 2, pathIncludes: 'checkMemberGroups' });

    await assert.rejects(access.isAdmin(CONTOSO_IDS.nestedApproverUserId), (error: unknown) => {
      assert.ok(error instanceof UnavailableError);
      assert.match(error.message, /couldn't check whether you are a Headroom admin/);
      return true;
    });
    assert.equal(await access.isAdmin(CONTOSO_IDS.nestedApproverUserId), true);
  });

  it('reuses a yes and a no for five minutes, then asks Graph again', async () => {
    const access = policy({ adminGroupId: CONTOSO_IDS.approverGroupId });
    await access.isAdmin(CONTOSO_IDS.nestedApproverUserId);
    await access.isAdmin(CONTOSO_IDS.regularUserId);
    const afterFirst = membershipChecks();

    clock += 4 * MINUTE_MS;
    const cached = [await access.isAdmin(CONTOSO_IDS.nestedApproverUserId), await access.isAdmin(CONTOSO_IDS.regularUserId)];
    const afterCached = membershipChecks();
    clock += 2 * MINUTE_MS;
    await access.isAdmin(CONTOSO_IDS.regularUserId);

    assert.deepEqual(cached, [true, false]);
    assert.equal(afterFirst, 2);
    assert.equal(afterCached, 2);
    assert.equal(membershipChecks(), 3);
  });

  it('shares one Graph check between simultaneous questions about the same user', async () => {
    const access = policy({ adminGroupId: CONTOSO_IDS.approverGroupId });

    const answers = await Promise.all([1, 2, 3].map(() => access.isAdmin(CONTOSO_IDS.nestedApproverUserId)));

    assert.deepEqual(answers, [true, true, true]);
    assert.equal(membershipChecks(), 1);
  });

  it('keeps at most the configured number of answers', async () => {
    const access = policy({ adminGroupId: CONTOSO_IDS.approverGroupId, maxCacheEntries: 2 });

    for (const user of [CONTOSO_IDS.adminUserId, CONTOSO_IDS.approverUserId, CONTOSO_IDS.regularUserId]) {
      await access.isAdmin(user);
    }

    assert.equal(access.cachedAnswers, 2);
  });

  it('makes members of APPROVER_GROUP_ID approvers, and not admins for that', async () => {
    const access = policy({ adminUserIds: [CONTOSO_IDS.regularUserId], approverGroupId: CONTOSO_IDS.approverGroupId });

    const answers = {
      nestedApprover: await access.isApprover(CONTOSO_IDS.nestedApproverUserId),
      nestedAdmin: await access.isAdmin(CONTOSO_IDS.nestedApproverUserId),
      adminApprover: await access.isApprover(CONTOSO_IDS.regularUserId),
    };

    assert.deepEqual(answers, { nestedApprover: true, nestedAdmin: false, adminApprover: false });
  });

  it('makes the admins the approvers when APPROVER_GROUP_ID is unset', async () => {
    const access = policy({ adminUserIds: [CONTOSO_IDS.regularUserId] });

    assert.deepEqual([await access.isApprover(CONTOSO_IDS.regularUserId), await access.isApprover(CONTOSO_IDS.approverUserId)], [true, false]);
  });

  it('lets everyone with an object id be an admin when told to', async () => {
    const access = policy({ everyoneIsAdmin: true });

    assert.equal(await access.isAdmin(CONTOSO_IDS.regularUserId), true);
  });
});
