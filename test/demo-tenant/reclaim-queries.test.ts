import assert from 'node:assert/strict';
import { CONTOSO_DISABLED_DIRECT_E3, CONTOSO_IDS } from '../../src/demo-tenant/contoso-tenant';
import { startDemoGraphServer, type DemoGraphServer } from '../../src/demo-tenant/demo-graph-server';
import { createLargeTenant } from '../../src/demo-tenant/large-tenant';
import { errorCodeOf, fetchGraph, postJson, readAllPages } from './fetch-graph';

const DISABLED = '$filter=accountEnabled eq false and assignedLicenses/$count ne 0';
const SELECT = '$select=id,displayName,accountEnabled,assignedLicenses,licenseAssignmentStates,createdDateTime';
const ADVANCED = { headers: { ConsistencyLevel: 'eventual' } };
const DAY_MS = 24 * 60 * 60 * 1000;

function ids(items: Record<string, unknown>[]): Set<string> {
  return new Set(items.map((item) => String(item['id'])));
}

describe('the demo Graph answering the reclaim queries', () => {
  let server: DemoGraphServer;
  let v1: string;

  before(async () => {
    server = await startDemoGraphServer({ enableControl: true });
    v1 = `${server.baseUrl}/v1.0`;
  });
  after(async () => {
    await server.close();
  });
  afterEach(async () => {
    server.grants.grantAll();
    await postJson(`${server.baseUrl}/_demo/premium`, { premium: true });
  });

  it('lists disabled licensed users, with @odata.count, as an advanced query', async () => {
    const { status, body } = await fetchGraph(`${v1}/users?${DISABLED}&$count=true&${SELECT}&$top=999`, ADVANCED);

    assert.equal(status, 200);
    const found = ids(body['value'] as Record<string, unknown>[]);
    // 30 leavers with E3, Nina (group), Omar (both) and the shared mailbox.
    assert.equal(body['@odata.count'], CONTOSO_DISABLED_DIRECT_E3 + 3);
    assert.equal(found.size, CONTOSO_DISABLED_DIRECT_E3 + 3);
    for (const userId of [CONTOSO_IDS.disabledDirectUserId, CONTOSO_IDS.disabledGroupUserId, CONTOSO_IDS.disabledBothUserId, CONTOSO_IDS.excludedNestedUserId]) {
      assert.ok(found.has(userId), userId);
    }
    assert.ok(!found.has(CONTOSO_IDS.inactiveUserId));
  });

  it('lists a product once in assignedLicenses when it is assigned both directly and through a group', async () => {
    const { body } = await fetchGraph(`${v1}/users/${CONTOSO_IDS.disabledBothUserId}?$select=id,assignedLicenses,licenseAssignmentStates`);

    assert.equal((body['assignedLicenses'] as unknown[]).length, 1);
    assert.equal((body['licenseAssignmentStates'] as unknown[]).length, 2);
  });

  it("refuses the disabled query without ConsistencyLevel or without $count, with Graph's error", async () => {
    const withoutHeader = await fetchGraph(`${v1}/users?${DISABLED}&$count=true&${SELECT}`);
    const withoutCount = await fetchGraph(`${v1}/users?${DISABLED}&${SELECT}`, ADVANCED);

    for (const answer of [withoutHeader, withoutCount]) {
      assert.equal(answer.status, 400);
      assert.equal(errorCodeOf(answer.body), 'Request_UnsupportedQuery');
    }
  });

  it('pages the advanced query with next links that keep $count and the filter', async () => {
    const { items, pages } = await readAllPages(`${v1}/users?${DISABLED}&$count=true&$select=id&$top=10`, ADVANCED);

    assert.equal(pages, 4);
    assert.equal(ids(items).size, CONTOSO_DISABLED_DIRECT_E3 + 3);
  });

  it('finds users whose last successful sign-in is older than a date, and users who never signed in', async () => {
    const cutoff = new Date(Date.now() - 90 * DAY_MS).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const { items: old } = await readAllPages(`${v1}/users?$filter=signInActivity/lastSuccessfulSignInDateTime le ${cutoff}&$select=id,signInActivity&$top=999`);
    const { items: never } = await readAllPages(`${v1}/users?$filter=signInActivity/lastSuccessfulSignInDateTime eq null&$select=id,createdDateTime,signInActivity`);

    assert.ok(ids(old).has(CONTOSO_IDS.inactiveUserId));
    assert.ok(ids(old).has(CONTOSO_IDS.excludedDirectUserId));
    assert.ok(!ids(old).has(CONTOSO_IDS.regularUserId));
    assert.ok(ids(never).has(CONTOSO_IDS.neverSignedInUserId));
    assert.ok(ids(never).has(CONTOSO_IDS.recentUserId));
    assert.equal(never.find((user) => user['id'] === CONTOSO_IDS.neverSignedInUserId)?.['signInActivity'], null);
  });

  it('refuses signInActivity, selected or filtered, without AuditLog.Read.All', async () => {
    await postJson(`${server.baseUrl}/_demo/permissions`, { granted: ['User.Read.All', 'GroupMember.Read.All', 'Organization.Read.All'] });

    const selected = await fetchGraph(`${v1}/users?$select=id,signInActivity`);
    const filtered = await fetchGraph(`${v1}/users?$filter=signInActivity/lastSuccessfulSignInDateTime eq null&$select=id`);
    const disabled = await fetchGraph(`${v1}/users?${DISABLED}&$count=true&${SELECT}`, ADVANCED);

    assert.equal(selected.status, 403);
    assert.equal(filtered.status, 403);
    assert.equal(errorCodeOf(filtered.body), 'Authorization_RequestDenied');
    assert.equal(disabled.status, 200);
  });

  it('refuses signInActivity like Graph does when the tenant has no Entra ID P1 or P2', async () => {
    const switched = await postJson(`${server.baseUrl}/_demo/premium`, { premium: false });
    const { status, body } = await fetchGraph(`${v1}/users?$filter=signInActivity/lastSuccessfulSignInDateTime eq null&$select=id,signInActivity`);
    const disabled = await fetchGraph(`${v1}/users?${DISABLED}&$count=true&${SELECT}`, ADVANCED);

    assert.deepEqual(switched.body, { premium: false });
    assert.equal(status, 403);
    assert.equal(errorCodeOf(body), 'Authentication_RequestFromNonPremiumTenantOrB2CTenant');
    assert.equal(disabled.status, 200);
  });

  it('rejects a premium switch that is not a boolean', async () => {
    const { status } = await postJson(`${server.baseUrl}/_demo/premium`, { premium: 'no' });

    assert.equal(status, 400);
  });

  it('lists the users of a group and of the groups nested in it (transitiveMembers cast to users)', async () => {
    const { items } = await readAllPages(`${v1}/groups/${CONTOSO_IDS.reclaimExcludeGroupId}/transitiveMembers/microsoft.graph.user?$select=id`);

    assert.deepEqual(ids(items), new Set([CONTOSO_IDS.excludedNestedUserId, CONTOSO_IDS.excludedDirectUserId]));
  });

  it('needs a group-member permission for transitiveMembers', async () => {
    await postJson(`${server.baseUrl}/_demo/permissions`, { granted: ['User.Read.All'] });
    const denied = await fetchGraph(`${v1}/groups/${CONTOSO_IDS.reclaimExcludeGroupId}/transitiveMembers/microsoft.graph.user?$select=id`);
    await postJson(`${server.baseUrl}/_demo/permissions`, { granted: ['GroupMember.Read.All'] });
    const allowed = await fetchGraph(`${v1}/groups/${CONTOSO_IDS.reclaimExcludeGroupId}/transitiveMembers/microsoft.graph.user?$select=id`);

    assert.equal(denied.status, 403);
    assert.equal(allowed.status, 200);
  });

  it('refuses another filter on users', async () => {
    const { status, body } = await fetchGraph(`${v1}/users?$filter=startswith(displayName,'A')`);

    assert.equal(status, 400);
    assert.equal(errorCodeOf(body), 'Request_UnsupportedQuery');
  });
});

describe('the large demo tenant with disabled licensed users', () => {
  let server: DemoGraphServer;

  before(async () => {
    server = await startDemoGraphServer({ tenant: createLargeTenant({ users: 100_000, disabledLicensedUsers: 1_000 }) });
  });
  after(async () => {
    await server.close();
  });

  it('answers the disabled query with 1,000 users in two pages of 999', async () => {
    const { items, pages } = await readAllPages(`${server.baseUrl}/v1.0/users?${DISABLED}&$count=true&$select=id,accountEnabled&$top=999`, ADVANCED);

    assert.equal(pages, 2);
    assert.equal(ids(items).size, 1_000);
    assert.ok(items.every((user) => user['accountEnabled'] === false));
  });
});
