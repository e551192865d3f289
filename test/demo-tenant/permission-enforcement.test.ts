import assert from 'node:assert/strict';
import { CONTOSO_IDS } from '../../src/demo-tenant/contoso-tenant';
import { startDemoGraphServer, type DemoGraphServer } from '../../src/demo-tenant/demo-graph-server';
import { errorCodeOf, fetchGraph, postJson } from './fetch-graph';

const DENIED_MESSAGE = 'Insufficient privileges to complete the operation.';

/** A JWT with the given claims and no valid signature: the demo reads it unverified when it has no token settings. */
function unsignedToken(claims: Record<string, unknown>): string {
  const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}.c2ln`;
}

describe('the demo Graph enforcing application permissions', () => {
  let server: DemoGraphServer;
  let v1: string;

  before(async () => {
    server = await startDemoGraphServer({ enableControl: true });
    v1 = `${server.baseUrl}/v1.0`;
  });
  after(async () => {
    await server.close();
  });
  afterEach(() => {
    server.grants.grantAll();
    server.stats.reset();
  });

  const grant = (granted: string[]): Promise<unknown> => postJson(`${server.baseUrl}/_demo/permissions`, { granted });

  it('grants everything by default', async () => {
    const { body } = await fetchGraph(`${server.baseUrl}/_demo/permissions`);
    const { status } = await fetchGraph(`${v1}/subscribedSkus`);

    assert.deepEqual(body, { granted: 'all' });
    assert.equal(status, 200);
  });

  it("answers a call no granted permission covers with Graph's real 403 body", async () => {
    await grant(['GroupMember.Read.All', 'User.Read.All']);

    const { status, body } = await fetchGraph(`${v1}/organization`);

    assert.equal(status, 403);
    assert.equal(errorCodeOf(body), 'Authorization_RequestDenied');
    assert.equal((body['error'] as { message: string }).message, DENIED_MESSAGE);
    assert.equal(server.stats.denied, 1);
  });

  it('does not let LicenseAssignment.Read.All read the organization or the subscriptions', async () => {
    await grant(['LicenseAssignment.Read.All', 'Group.Read.All', 'GroupMember.Read.All', 'User.Read.All']);

    assert.equal((await fetchGraph(`${v1}/organization`)).status, 403);
    assert.equal((await fetchGraph(`${v1}/directory/subscriptions`)).status, 403);
    assert.equal((await fetchGraph(`${v1}/subscribedSkus`)).status, 403);
    assert.equal((await fetchGraph(`${v1}/groups?$filter=hasMembersWithLicenseErrors eq true`)).status, 200);
  });

  it('checks each part of a $batch on its own', async () => {
    await grant(['Organization.Read.All']);

    const { status, body } = await postJson(`${v1}/$batch`, {
      requests: [
        { id: '1', method: 'GET', url: '/subscribedSkus' },
        { id: '2', method: 'GET', url: '/groups?$filter=hasMembersWithLicenseErrors eq true' },
        { id: '3', method: 'GET', url: '/directory/subscriptions' },
      ],
    });

    assert.equal(status, 200);
    const statuses = new Map((body['responses'] as { id: string; status: number }[]).map((r) => [r.id, r.status]));
    assert.deepEqual([statuses.get('1'), statuses.get('2'), statuses.get('3')], [200, 403, 200]);
  });

  it('needs User.Read.All and GroupMember.Read.All together for checkMemberGroups', async () => {
    const check = (): Promise<{ status: number }> =>
      postJson(`${v1}/users/${CONTOSO_IDS.approverUserId}/checkMemberGroups`, { groupIds: [CONTOSO_IDS.approverGroupId] });

    await grant(['User.Read.All']);
    assert.equal((await check()).status, 403);
    await grant(['GroupMember.Read.All']);
    assert.equal((await check()).status, 403);
    await grant(['User.Read.All', 'GroupMember.Read.All']);
    assert.equal((await check()).status, 200);
  });

  it('needs AuditLog.Read.All as well to select signInActivity', async () => {
    await grant(['User.Read.All']);

    assert.equal((await fetchGraph(`${v1}/users?$select=id&$top=1`)).status, 200);
    assert.equal((await fetchGraph(`${v1}/users?$select=id,signInActivity&$top=1`)).status, 403);
  });

  it("takes a bearer token's roles claim over the control grants", async () => {
    const headers = { Authorization: `Bearer ${unsignedToken({ roles: ['Organization.Read.All'] })}` };

    assert.equal((await fetchGraph(`${v1}/subscribedSkus`, { headers })).status, 200);
    assert.equal((await fetchGraph(`${v1}/groups`, { headers })).status, 403);
  });

  it('refuses a control body that is not a list of permission names and keeps the grants', async () => {
    await grant(['Organization.Read.All']);

    const bad = await postJson(`${server.baseUrl}/_demo/permissions`, { granted: ['Organization.Read.All', 'drop table;'] });
    const notList = await postJson(`${server.baseUrl}/_demo/permissions`, { granted: 'everything' });
    const { body } = await fetchGraph(`${server.baseUrl}/_demo/permissions`);

    assert.equal(bad.status, 400);
    assert.equal(notList.status, 400);
    assert.deepEqual(body, { granted: ['Organization.Read.All'] });
  });

  it('grants everything again after DELETE /_demo/permissions', async () => {
    await grant([]);
    assert.equal((await fetchGraph(`${v1}/organization`)).status, 403);

    await fetchGraph(`${server.baseUrl}/_demo/permissions`, { method: 'DELETE' });

    assert.equal((await fetchGraph(`${v1}/organization`)).status, 200);
  });
});
