import assert from 'node:assert/strict';
import { CONTOSO_IDS } from '../../src/demo-tenant/contoso-tenant';
import { startDemoGraphServer, type DemoGraphServer } from '../../src/demo-tenant/demo-graph-server';
import { createDemoGuid } from '../../src/demo-tenant/demo-guid';
import { errorCodeOf, fetchGraph, postJson } from './fetch-graph';

const { skus } = CONTOSO_IDS;
const UNKNOWN_SKU = '11111111-2222-4333-8444-555555555555';

function messageOf(body: Record<string, unknown>): string {
  return String((body['error'] as { message?: unknown } | undefined)?.message);
}

function assignedSkuIds(body: Record<string, unknown>): string[] {
  return (body['assignedLicenses'] as { skuId: string }[]).map((license) => license.skuId);
}

describe('the demo Graph license writes', () => {
  let server: DemoGraphServer;
  let v1: string;

  beforeEach(async () => {
    server = await startDemoGraphServer({ enableControl: true });
    v1 = `${server.baseUrl}/v1.0`;
  });
  afterEach(async () => {
    await server.close();
  });

  const consumed = (skuId: string): number => server.tenant.findSku(skuId)?.consumedUnits ?? Number.NaN;
  const remove = (userId: string, removeLicenses: unknown[]): ReturnType<typeof postJson> =>
    postJson(`${v1}/users/${userId}/assignLicense`, { addLicenses: [], removeLicenses });
  const userLicenses = async (userId: string): Promise<Record<string, unknown>> =>
    (await fetchGraph(`${v1}/users/${userId}?$select=assignedLicenses,licenseAssignmentStates`)).body;

  describe('POST /users/{id}/assignLicense', () => {
    const benWalters = (): string => CONTOSO_IDS.directLicenseUserId;

    it('removes a direct license, answers the user without it and frees the seat', async () => {
      const userId = benWalters();
      assert.ok(assignedSkuIds(await userLicenses(userId)).includes(skus.SPE_E3));
      const before = consumed(skus.SPE_E3);

      const { status, body } = await remove(userId, [skus.SPE_E3]);

      assert.equal(status, 200);
      assert.equal(body['id'], userId);
      assert.ok(!assignedSkuIds(await userLicenses(userId)).includes(skus.SPE_E3));
      assert.equal(consumed(skus.SPE_E3), before - 1);
      const sku = (await fetchGraph(`${v1}/subscribedSkus/${CONTOSO_IDS.tenantId}_${skus.SPE_E3}`)).body;
      assert.equal(sku['consumedUnits'], before - 1);
    });

    it("refuses a body without addLicenses with Graph's missing-parameter error, changing nothing", async () => {
      const before = consumed(skus.SPE_E3);

      const { status, body } = await postJson(`${v1}/users/${benWalters()}/assignLicense`, { removeLicenses: [skus.SPE_E3] });

      assert.equal(status, 400);
      assert.equal(errorCodeOf(body), 'Request_BadRequest');
      assert.match(messageOf(body), /missing from the request payload\. The missing parameters are: addLicenses\./);
      assert.equal(consumed(skus.SPE_E3), before);
    });

    it('refuses a removal that is not a GUID, and a body that is not an object', async () => {
      assert.equal((await remove(benWalters(), ['SPE_E3'])).status, 400);
      assert.equal((await postJson(`${v1}/users/${benWalters()}/assignLicense`, [skus.SPE_E3])).status, 400);
      assert.ok(assignedSkuIds(await userLicenses(benWalters())).includes(skus.SPE_E3));
    });

    it('refuses a SKU the tenant does not have', async () => {
      const { status, body } = await remove(benWalters(), [UNKNOWN_SKU]);

      assert.equal(status, 400);
      assert.equal(errorCodeOf(body), 'Request_BadRequest');
      assert.match(messageOf(body), /does not correspond to a valid company License/);
    });

    it('refuses a license the user does not hold', async () => {
      const { status, body } = await remove(CONTOSO_IDS.regularUserId, [skus.VISIOCLIENT]);

      assert.equal(status, 400);
      assert.equal(errorCodeOf(body), 'Request_BadRequest');
      assert.match(messageOf(body), /does not have a corresponding license/);
    });

    it("refuses a license held only through a group with Graph's inherited-license error", async () => {
      const before = consumed(skus.SPE_E3);

      const { status, body } = await remove(CONTOSO_IDS.approverUserId, [skus.SPE_E3]);

      assert.equal(status, 400);
      assert.equal(errorCodeOf(body), 'Request_BadRequest');
      assert.equal(messageOf(body), 'User license is inherited from a group membership and it cannot be removed directly from the user.');
      assert.equal(consumed(skus.SPE_E3), before);
      assert.ok(assignedSkuIds(await userLicenses(CONTOSO_IDS.approverUserId)).includes(skus.SPE_E3));
    });

    it("refuses a removal another kept license depends on with Graph's dependency error, and allows removing both", async () => {
      const e3 = consumed(skus.SPE_E3);
      const copilot = consumed(skus.Microsoft_365_Copilot);

      const refused = await remove(CONTOSO_IDS.dependencyUserId, [skus.SPE_E3]);
      const both = await remove(CONTOSO_IDS.dependencyUserId, [skus.SPE_E3, skus.Microsoft_365_Copilot]);

      assert.equal(refused.status, 400);
      assert.equal(errorCodeOf(refused.body), 'Request_BadRequest');
      assert.match(messageOf(refused.body), /^License assignment failed because service plan [0-9a-f-]{36} depends on the service plan\(s\) [0-9a-f-]{36}\.$/);
      assert.equal(both.status, 200);
      assert.deepEqual(assignedSkuIds(await userLicenses(CONTOSO_IDS.dependencyUserId)), []);
      assert.equal(consumed(skus.SPE_E3), e3 - 1);
      assert.equal(consumed(skus.Microsoft_365_Copilot), copilot - 1);
    });

    it('answers 404 for an unknown user', async () => {
      const { status, body } = await remove('99999999-9999-4999-8999-999999999999', [skus.SPE_E3]);

      assert.equal(status, 404);
      assert.equal(errorCodeOf(body), 'Request_ResourceNotFound');
    });

    it('needs LicenseAssignment.ReadWrite.All (or a higher permission), alone and in a $batch', async () => {
      await postJson(`${server.baseUrl}/_demo/permissions`, { granted: ['User.Read.All', 'GroupMember.Read.All', 'Organization.Read.All'] });
      const denied = await remove(benWalters(), [skus.SPE_E3]);
      const batch = await postJson(`${v1}/$batch`, {
        requests: [{ id: '1', method: 'POST', url: `/users/${benWalters()}/assignLicense`, headers: { 'content-type': 'application/json' }, body: { addLicenses: [], removeLicenses: [skus.SPE_E3] } }],
      });
      await postJson(`${server.baseUrl}/_demo/permissions`, { granted: ['LicenseAssignment.ReadWrite.All'] });
      const allowed = await remove(benWalters(), [skus.SPE_E3]);

      assert.equal(denied.status, 403);
      assert.equal(errorCodeOf(denied.body), 'Authorization_RequestDenied');
      assert.equal((batch.body['responses'] as { status: number }[])[0]?.status, 403);
      assert.equal(allowed.status, 200);
    });
  });

  describe('POST /users/{id}/reprocessLicenseAssignment', () => {
    const reprocess = (userId: string): ReturnType<typeof postJson> => postJson(`${v1}/users/${userId}/reprocessLicenseAssignment`, {});
    const statesOf = async (userId: string): Promise<{ skuId: string; assignedByGroup: string | null; state: string; error: string }[]> =>
      (await userLicenses(userId))['licenseAssignmentStates'] as { skuId: string; assignedByGroup: string | null; state: string; error: string }[];
    const diego = (): string => createDemoGuid('contoso:user:diego.siciliani');

    it('gives a waiting user the license when a seat is free: Active, one seat taken, out of the group errors', async () => {
      const userId = diego();
      const before = consumed(skus.SPE_E3);

      const { status, body } = await reprocess(userId);

      assert.equal(status, 200);
      assert.equal(body['id'], userId);
      const e3 = (await statesOf(userId)).filter((state) => state.skuId === skus.SPE_E3);
      assert.deepEqual(e3.map((state) => [state.state, state.error]), [['Active', 'None']]);
      assert.equal(consumed(skus.SPE_E3), before + 1);
      const members = await fetchGraph(`${v1}/groups/${CONTOSO_IDS.contractorsGroupId}/membersWithLicenseErrors?$select=id`);
      assert.ok(!(members.body['value'] as { id: string }[]).some((member) => member.id === userId));
      assert.equal(server.stats.reprocessByUser[userId.toLowerCase()], 1);
    });

    it('leaves a waiting user in error when no seat is free', async () => {
      await postJson(`${server.baseUrl}/_demo/skus/SPE_E3`, { consumedUnits: 500 });
      const userId = diego();

      const { status } = await reprocess(userId);

      assert.equal(status, 200);
      const e3 = (await statesOf(userId)).filter((state) => state.skuId === skus.SPE_E3);
      assert.deepEqual(e3.map((state) => [state.state, state.error]), [['Error', 'CountViolation']]);
      assert.equal(consumed(skus.SPE_E3), 500);
    });

    it('takes one seat for a user waiting for the same product through two groups', async () => {
      const before = consumed(skus.SPE_E3);

      await reprocess(CONTOSO_IDS.waitingInBothGroupsUserId);

      const e3 = (await statesOf(CONTOSO_IDS.waitingInBothGroupsUserId)).filter((state) => state.skuId === skus.SPE_E3);
      assert.deepEqual(e3.map((state) => state.state), ['Active', 'Active']);
      assert.equal(consumed(skus.SPE_E3), before + 1);
      assert.deepEqual(assignedSkuIds(await userLicenses(CONTOSO_IDS.waitingInBothGroupsUserId)), [skus.SPE_E3]);
    });

    it("assigns none of a group's products while one of them has no free seat", async () => {
      const ems = consumed(skus.EMSPREMIUM);

      await reprocess(CONTOSO_IDS.blockedWithErrorUserId);

      const states = await statesOf(CONTOSO_IDS.blockedWithErrorUserId);
      assert.ok(states.every((state) => state.state === 'Error'));
      assert.equal(consumed(skus.EMSPREMIUM), ems);
    });

    it('needs User.ReadWrite.All (or Directory.ReadWrite.All): LicenseAssignment.ReadWrite.All is not enough', async () => {
      await postJson(`${server.baseUrl}/_demo/permissions`, { granted: ['LicenseAssignment.ReadWrite.All', 'User.Read.All'] });
      const denied = await reprocess(diego());
      await postJson(`${server.baseUrl}/_demo/permissions`, { granted: ['User.ReadWrite.All'] });
      const allowed = await reprocess(diego());

      assert.equal(denied.status, 403);
      assert.equal(allowed.status, 200);
    });

    it('is not served for groups: Microsoft Graph documents no group action', async () => {
      const { status } = await postJson(`${v1}/groups/${CONTOSO_IDS.contractorsGroupId}/reprocessLicenseAssignment`, {});

      assert.equal(status, 400);
    });

    it('counts reprocess calls per user in the control stats', async () => {
      await reprocess(diego());
      await reprocess(diego());

      const { body } = await fetchGraph(`${server.baseUrl}/_demo/stats`);

      assert.deepEqual(body['reprocessByUser'], { [diego().toLowerCase()]: 2 });
    });
  });
});
