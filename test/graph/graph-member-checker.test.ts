import assert from 'node:assert/strict';
import { CONTOSO_IDS } from '../../src/demo-tenant/contoso-tenant';
import { startDemoGraphServer } from '../../src/demo-tenant/demo-graph-server';
import type { DemoGraphServer } from '../../src/demo-tenant/demo-graph-server';
import { NotFoundError, ValidationError } from '../../src/errors';
import { createGraphAccess } from '../../src/graph/graph-access';
import type { GraphMemberChecker } from '../../src/graph/graph-member-checker';
import { silentLogger } from '../../src/logger';

describe('GraphMemberChecker', () => {
  let server: DemoGraphServer;
  let checker: GraphMemberChecker;

  before(async () => {
    server = await startDemoGraphServer();
    checker = createGraphAccess({ baseUrl: server.baseUrl, auth: { kind: 'none' } }, silentLogger).memberChecker;
  });

  after(async () => {
    await server.close();
  });

  beforeEach(() => {
    server.stats.reset();
  });

  it('answers the groups a direct member belongs to', async () => {
    const groups = await checker.checkMemberGroups(CONTOSO_IDS.approverUserId, [CONTOSO_IDS.approverGroupId, CONTOSO_IDS.tempStaffGroupId]);

    assert.deepEqual(groups, [CONTOSO_IDS.approverGroupId]);
  });

  it('counts membership through a nested group', async () => {
    const groups = await checker.checkMemberGroups(CONTOSO_IDS.nestedApproverUserId, [CONTOSO_IDS.approverGroupId]);

    assert.deepEqual(groups, [CONTOSO_IDS.approverGroupId]);
  });

  it('answers no groups for a user in none of them', async () => {
    const groups = await checker.checkMemberGroups(CONTOSO_IDS.regularUserId, [CONTOSO_IDS.approverGroupId]);

    assert.deepEqual(groups, []);
  });

  it('sees a membership added to the tenant', async () => {
    const userId = server.tenant.createUser('New Approver').id;
    server.tenant.addGroupMembership(userId, CONTOSO_IDS.approverGroupId);

    const groups = await checker.checkMemberGroups(userId, [CONTOSO_IDS.approverGroupId]);

    assert.deepEqual(groups, [CONTOSO_IDS.approverGroupId]);
  });

  it('refuses a user id that is not a GUID without calling Graph', async () => {
    await assert.rejects(checker.checkMemberGroups('megan@contoso.com', [CONTOSO_IDS.approverGroupId]), ValidationError);
    assert.equal(server.stats.httpRequests, 0);
  });

  it('asks Graph at most 20 groups at a time', async () => {
    const groupIds = [...server.tenant.groups.map((group) => group.id), ...Array.from({ length: 15 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`)];

    const groups = await checker.checkMemberGroups(CONTOSO_IDS.adminUserId, groupIds);

    assert.equal(server.stats.byEndpoint['POST /v1.0/users/{id}/checkMemberGroups'], Math.ceil(groupIds.length / 20));
    assert.deepEqual(
      groups,
      groupIds.filter((id) => server.tenant.transitiveGroupIds(CONTOSO_IDS.adminUserId).has(id.toLowerCase())),
    );
  });

  it('fails with NotFoundError for an unknown user', async () => {
    await assert.rejects(checker.checkMemberGroups('00000000-0000-4000-8000-00000000abcd', [CONTOSO_IDS.approverGroupId]), NotFoundError);
  });
});
