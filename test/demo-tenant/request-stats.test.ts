import assert from 'node:assert/strict';
import { CONTOSO_IDS } from '../../src/demo-tenant/contoso-tenant';
import { startDemoGraphServer, type DemoGraphServer } from '../../src/demo-tenant/demo-graph-server';
import { fetchGraph, postJson } from './fetch-graph';

describe('RequestStats', () => {
  let server: DemoGraphServer;

  before(async () => {
    server = await startDemoGraphServer();
  });
  after(async () => {
    await server.close();
  });
  beforeEach(() => {
    server.stats.reset();
  });

  it('counts a $batch as one HTTP request and each part separately', async () => {
    const requests = [CONTOSO_IDS.contractorsGroupId, CONTOSO_IDS.tempStaffGroupId, CONTOSO_IDS.rdInternsGroupId].map((groupId, i) => ({
      id: String(i),
      method: 'GET',
      url: `/groups/${groupId}/membersWithLicenseErrors?$select=id`,
    }));

    await postJson(`${server.baseUrl}/v1.0/$batch`, { requests });

    assert.equal(server.stats.httpRequests, 1);
    assert.equal(server.stats.batchParts, 3);
    assert.equal(server.stats.byEndpoint['GET /v1.0/groups/{id}/membersWithLicenseErrors'], 3);
    assert.equal(server.stats.byEndpoint['POST /v1.0/$batch'], 1);
  });

  it('costs subscribedSkus 3 units and a user list with $select 1 less', async () => {
    await fetchGraph(`${server.baseUrl}/v1.0/subscribedSkus`);
    const afterSkus = server.stats.resourceUnits;
    await fetchGraph(`${server.baseUrl}/v1.0/users?$select=id&$top=999`);

    assert.equal(afterSkus, 3);
    assert.equal(server.stats.resourceUnits - afterSkus, 1);
  });

  it('never costs a request less than 1 unit', async () => {
    await fetchGraph(`${server.baseUrl}/v1.0/users/${CONTOSO_IDS.adminUserId}?$select=id`);

    assert.equal(server.stats.resourceUnits, 1);
  });

  it('remembers the last x-ms-throttle-priority header, including inside a batch', async () => {
    await fetchGraph(`${server.baseUrl}/v1.0/organization`, { headers: { 'x-ms-throttle-priority': 'High' } });
    await postJson(`${server.baseUrl}/v1.0/$batch`, { requests: [{ id: '1', method: 'GET', url: '/organization', headers: { 'x-ms-throttle-priority': 'Low' } }] });

    assert.equal(server.stats.headersSeen['x-ms-throttle-priority'], 'Low');
  });

  it('starts again from zero after reset', async () => {
    await fetchGraph(`${server.baseUrl}/v1.0/organization`);

    server.stats.reset();

    assert.deepEqual([server.stats.httpRequests, server.stats.batchParts, server.stats.resourceUnits, server.stats.byEndpoint], [0, 0, 0, {}]);
  });
});
