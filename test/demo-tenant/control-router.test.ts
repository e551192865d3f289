import assert from 'node:assert/strict';
import { CONTOSO_IDS } from '../../src/demo-tenant/contoso-tenant';
import { startDemoGraphServer, type DemoGraphServer } from '../../src/demo-tenant/demo-graph-server';
import { fetchGraph, postJson } from './fetch-graph';

interface Sku {
  skuId: string;
  consumedUnits: number;
  prepaidUnits: { enabled: number };
}

describe('routeControlRequest', () => {
  let server: DemoGraphServer;

  beforeEach(async () => {
    server = await startDemoGraphServer({ enableControl: true });
  });
  afterEach(async () => {
    await server.close();
  });

  async function readSku(skuId: string): Promise<Sku | undefined> {
    const { body } = await fetchGraph(`${server.baseUrl}/v1.0/subscribedSkus`);
    return (body['value'] as Sku[]).find((sku) => sku.skuId === skuId);
  }

  async function countMembersWithErrors(groupId: string): Promise<number> {
    const { body } = await fetchGraph(`${server.baseUrl}/v1.0/groups/${groupId}/membersWithLicenseErrors?$select=id`);
    return (body['value'] as unknown[]).length;
  }

  it('changes seat counts for the next read', async () => {
    const { status } = await postJson(`${server.baseUrl}/_demo/skus/SPE_E3`, { consumedUnits: 510, enabled: 505 });

    const sku = await readSku(CONTOSO_IDS.skus.SPE_E3);
    assert.equal(status, 200);
    assert.equal(sku?.consumedUnits, 510);
    assert.equal(sku?.prepaidUnits.enabled, 505);
  });

  it('refuses an unknown SKU field', async () => {
    const { status } = await postJson(`${server.baseUrl}/_demo/skus/SPE_E3`, { seats: 5 });

    assert.equal(status, 400);
  });

  it('answers 404 for an unknown SKU', async () => {
    const { status } = await postJson(`${server.baseUrl}/_demo/skus/NOPE`, { consumedUnits: 5 });

    assert.equal(status, 404);
  });

  it('adds waiting users that the next read shows', async () => {
    const { body } = await postJson(`${server.baseUrl}/_demo/waiting`, { groupId: CONTOSO_IDS.tempStaffGroupId, skuId: CONTOSO_IDS.skus.SPE_E3, count: 4 });

    assert.equal((body['userIds'] as unknown[]).length, 4);
    assert.equal(await countMembersWithErrors(CONTOSO_IDS.tempStaffGroupId), 7);
  });

  it('clears the waiting users of a SKU', async () => {
    const { body } = await fetchGraph(`${server.baseUrl}/_demo/waiting/${CONTOSO_IDS.skus.SPE_E3}`, { method: 'DELETE' });

    assert.equal(body['removed'], 5);
    // Only the contractors in a usage-location error are left: buying seats would not license them.
    const left = server.tenant.membersWithLicenseErrors(CONTOSO_IDS.contractorsGroupId);
    assert.ok(left.every((user) => user.licenseAssignmentStates.every((state) => state.error !== 'CountViolation')));
    assert.equal(await countMembersWithErrors(CONTOSO_IDS.contractorsGroupId), left.length);
  });

  it('summarises the tenant', async () => {
    const { body } = await fetchGraph(`${server.baseUrl}/_demo/tenant`);

    const e3 = (body['skus'] as { skuPartNumber: string; waitingUsers: number }[]).find((sku) => sku.skuPartNumber === 'SPE_E3');
    assert.equal(body['tenantId'], CONTOSO_IDS.tenantId);
    assert.equal(e3?.waitingUsers, 5);
  });

  it('injects a fault through the control endpoint', async () => {
    await postJson(`${server.baseUrl}/_demo/faults`, { status: 503, pathIncludes: 'organization' });

    const { status } = await fetchGraph(`${server.baseUrl}/v1.0/organization`);

    assert.equal(status, 503);
  });

  it('answers 404 for all of /_demo when control is off', async () => {
    const closed = await startDemoGraphServer();
    try {
      const answers = await Promise.all([
        fetchGraph(`${closed.baseUrl}/_demo/tenant`),
        postJson(`${closed.baseUrl}/_demo/skus/SPE_E3`, { consumedUnits: 1 }),
        postJson(`${closed.baseUrl}/_demo/waiting`, { groupId: CONTOSO_IDS.tempStaffGroupId, skuId: CONTOSO_IDS.skus.SPE_E3 }),
      ]);
      assert.deepEqual(
        answers.map((a) => a.status),
        [404, 404, 404],
      );
      assert.equal(closed.tenant.findSku('SPE_E3')?.consumedUnits, 497);
    } finally {
      await closed.close();
    }
  });
});
