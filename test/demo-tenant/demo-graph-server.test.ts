import assert from 'node:assert/strict';
import { CONTOSO_IDS, createContosoTenant } from '../../src/demo-tenant/contoso-tenant';
import { startDemoGraphServer, type DemoGraphServer } from '../../src/demo-tenant/demo-graph-server';
import { errorCodeOf, fetchGraph, postJson, readAllPages } from './fetch-graph';

describe('startDemoGraphServer', () => {
  let server: DemoGraphServer;
  let v1: string;

  before(async () => {
    server = await startDemoGraphServer();
    v1 = `${server.baseUrl}/v1.0`;
  });
  after(async () => {
    await server.close();
  });
  afterEach(() => {
    server.faults.clear();
  });

  it('listens on a random local port and serves the organization', async () => {
    const { status, body } = await fetchGraph(`${v1}/organization`);

    assert.match(server.baseUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(status, 200);
    assert.deepEqual(
      (body['value'] as { id: string }[]).map((org) => org.id),
      [server.tenant.tenantId],
    );
  });

  it('follows absolute nextLinks on its own base to the full count', async () => {
    const { items, pages } = await readAllPages(`${v1}/directory/subscriptions?$top=4`);

    assert.equal(items.length, server.tenant.subscriptions.length);
    assert.equal(pages, Math.ceil(server.tenant.subscriptions.length / 4));
    assert.equal(new Set(items.map((item) => item['id'])).size, items.length);
  });

  it('puts the server base in the nextLink', async () => {
    const { body } = await fetchGraph(`${v1}/directory/subscriptions?$top=1`);

    assert.ok(String(body['@odata.nextLink']).startsWith(`${v1}/directory/subscriptions?`));
  });

  it('trims entities to the selected properties plus id', async () => {
    const { body } = await fetchGraph(`${v1}/users/${CONTOSO_IDS.regularUserId}?$select=displayName`);

    assert.deepEqual(Object.keys(body).sort(), ['@odata.context', 'displayName', 'id']);
  });

  it('returns licenseAssignmentStates only when selected', async () => {
    const plain = await fetchGraph(`${v1}/users/${CONTOSO_IDS.waitingInBothGroupsUserId}`);
    const selected = await fetchGraph(`${v1}/users/${CONTOSO_IDS.waitingInBothGroupsUserId}?$select=id,licenseAssignmentStates`);

    assert.equal('licenseAssignmentStates' in plain.body, false);
    assert.equal((selected.body['licenseAssignmentStates'] as unknown[]).length, 2);
  });

  it('refuses an unknown $select property with 400', async () => {
    const { status } = await fetchGraph(`${v1}/subscribedSkus?$select=notAProperty`);

    assert.equal(status, 400);
  });

  it('refuses $top above 999', async () => {
    const { status, body } = await fetchGraph(`${v1}/users?$top=1000`);

    assert.equal(status, 400);
    assert.equal(errorCodeOf(body), 'Request_UnsupportedQuery');
  });

  it('refuses $filter on subscribedSkus', async () => {
    const { status } = await fetchGraph(`${v1}/subscribedSkus?$filter=skuPartNumber eq 'SPE_E3'`);

    assert.equal(status, 400);
  });

  it('answers an unknown endpoint with a Graph-shaped 400', async () => {
    const { status, body } = await fetchGraph(`${v1}/me/drive`);

    assert.equal(status, 400);
    const error = body['error'] as Record<string, unknown>;
    assert.equal(error['code'], 'BadRequest');
    assert.equal(typeof error['message'], 'string');
    assert.deepEqual(Object.keys(error['innerError'] as object).sort(), ['client-request-id', 'date', 'request-id']);
  });

  it('answers the beta endpoint with 400', async () => {
    const { status } = await fetchGraph(`${server.baseUrl}/beta/subscribedSkus`);

    assert.equal(status, 400);
  });

  it('answers an unknown user id with 404 Request_ResourceNotFound', async () => {
    const { status, body } = await fetchGraph(`${v1}/users/00000000-0000-0000-0000-000000000000`);

    assert.equal(status, 404);
    assert.equal(errorCodeOf(body), 'Request_ResourceNotFound');
  });

  it('answers malformed JSON with 400', async () => {
    const response = await fetch(`${v1}/$batch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"requests": [' });

    assert.equal(response.status, 400);
  });

  it('refuses the license-error group filter sent with a ConsistencyLevel header', async () => {
    const { status, body } = await fetchGraph(`${v1}/groups?$filter=hasMembersWithLicenseErrors eq true`, { headers: { ConsistencyLevel: 'eventual' } });

    assert.equal(status, 400);
    assert.equal(errorCodeOf(body), 'Request_UnsupportedQuery');
  });

  it('refuses any other group filter', async () => {
    const { status } = await fetchGraph(`${v1}/groups?$filter=${encodeURIComponent("displayName eq 'Contractors'")}`);

    assert.equal(status, 400);
  });

  it('lists members with license errors as typed users', async () => {
    const { body } = await fetchGraph(`${v1}/groups/${CONTOSO_IDS.contractorsGroupId}/membersWithLicenseErrors?$select=id,displayName,licenseAssignmentStates`);

    const members = body['value'] as Record<string, unknown>[];
    assert.equal(members.length, 5, '3 contractors wait for a seat, 2 are in a usage-location error');
    assert.ok(members.every((member) => member['@odata.type'] === '#microsoft.graph.user'));
  });

  it('answers checkMemberGroups with transitive memberships only', async () => {
    const { body } = await postJson(`${v1}/users/${CONTOSO_IDS.nestedApproverUserId}/checkMemberGroups`, {
      groupIds: [CONTOSO_IDS.approverGroupId, CONTOSO_IDS.contractorsGroupId],
    });

    assert.deepEqual(body['value'], [CONTOSO_IDS.approverGroupId]);
  });

  it('refuses checkMemberGroups with more than 20 ids', async () => {
    const { status } = await postJson(`${v1}/users/${CONTOSO_IDS.adminUserId}/checkMemberGroups`, {
      groupIds: Array.from({ length: 21 }, () => CONTOSO_IDS.approverGroupId),
    });

    assert.equal(status, 400);
  });

  it('answers each request of a $batch with its own status', async () => {
    const { status, body } = await postJson(`${v1}/$batch`, {
      requests: [
        { id: 'a', method: 'GET', url: `/groups/${CONTOSO_IDS.tempStaffGroupId}/membersWithLicenseErrors?$select=id` },
        { id: 'b', method: 'GET', url: '/users/00000000-0000-0000-0000-000000000000' },
      ],
    });

    assert.equal(status, 200);
    const responses = body['responses'] as { id: string; status: number; body: Record<string, unknown> }[];
    assert.deepEqual(
      responses.map((r) => [r.id, r.status]),
      [
        ['a', 200],
        ['b', 404],
      ],
    );
    assert.equal((responses[0]?.body['value'] as unknown[]).length, 3);
  });

  it('gives batch items absolute nextLinks on the server base', async () => {
    const { body } = await postJson(`${v1}/$batch`, { requests: [{ id: '1', method: 'GET', url: '/directory/subscriptions?$top=2' }] });

    const [item] = body['responses'] as { body: Record<string, unknown> }[];
    assert.ok(String(item?.body['@odata.nextLink']).startsWith(`${v1}/directory/subscriptions?`));
  });

  it('refuses a $batch of 21 requests', async () => {
    const requests = Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: '/organization' }));

    const { status, body } = await postJson(`${v1}/$batch`, { requests });

    assert.equal(status, 400);
    assert.equal(errorCodeOf(body), 'BadRequest');
  });

  it('answers an injected 429 with Retry-After, then recovers', async () => {
    server.faults.inject({ status: 429, retryAfterSeconds: 7, pathIncludes: 'subscribedSkus' });

    const first = await fetchGraph(`${v1}/subscribedSkus`);
    const second = await fetchGraph(`${v1}/subscribedSkus`);

    assert.equal(first.status, 429);
    assert.equal(first.headers.get('retry-after'), '7');
    assert.equal(errorCodeOf(first.body), 'TooManyRequests');
    assert.equal(second.status, 200);
  });

  it('answers an injected 503 as many times as asked', async () => {
    server.faults.inject({ status: 503, times: 2, pathIncludes: '/organization' });

    const statuses = [];
    for (let i = 0; i < 3; i += 1) {
      statuses.push((await fetchGraph(`${v1}/organization`)).status);
    }

    assert.deepEqual(statuses, [503, 503, 200]);
  });

  it('answers a fault inside a $batch in the matching item, with Retry-After in its headers', async () => {
    server.faults.inject({ status: 429, retryAfterSeconds: 3, pathIncludes: CONTOSO_IDS.tempStaffGroupId, insideBatch: true });

    const { status, body } = await postJson(`${v1}/$batch`, {
      requests: [
        { id: 'contractors', method: 'GET', url: `/groups/${CONTOSO_IDS.contractorsGroupId}/membersWithLicenseErrors` },
        { id: 'temp', method: 'GET', url: `/groups/${CONTOSO_IDS.tempStaffGroupId}/membersWithLicenseErrors` },
      ],
    });

    assert.equal(status, 200);
    const responses = body['responses'] as { id: string; status: number; headers: Record<string, string> }[];
    const temp = responses.find((r) => r.id === 'temp');
    assert.equal(responses.find((r) => r.id === 'contractors')?.status, 200);
    assert.equal(temp?.status, 429);
    assert.equal(temp?.headers['retry-after'], '3');
  });

  it('shows a change to the live tenant in the next response', async () => {
    server.tenant.updateSku('VISIOCLIENT', { consumedUnits: 24 });

    const { body } = await fetchGraph(`${v1}/subscribedSkus?$select=skuPartNumber,consumedUnits`);

    const visio = (body['value'] as { skuPartNumber: string; consumedUnits: number }[]).find((sku) => sku.skuPartNumber === 'VISIOCLIENT');
    assert.equal(visio?.consumedUnits, 24);
  });

  it('refuses an Authorization header that is not a JWT with 401', async () => {
    const { status, body } = await fetchGraph(`${v1}/organization`, { headers: { Authorization: 'Bearer not-a-real-token' } });

    assert.equal(status, 401);
    assert.equal(errorCodeOf(body), 'InvalidAuthenticationToken');
  });

  it('answers /_demo with 404 when control is off', async () => {
    const { status } = await fetchGraph(`${server.baseUrl}/_demo/tenant`);

    assert.equal(status, 404);
  });

  it('refuses a negative latency', async () => {
    const server = await startDemoGraphServer({ tenant: createContosoTenant() });
    try {
      assert.throws(() => server.setLatency(-1), RangeError);
    } finally {
      await server.close();
    }
  });

  it('still answers correctly with latency set', async () => {
    const server = await startDemoGraphServer({ latencyMs: 5 });
    try {
      const { status } = await fetchGraph(`${server.baseUrl}/v1.0/organization`);
      assert.equal(status, 200);
    } finally {
      await server.close();
    }
  });
});
