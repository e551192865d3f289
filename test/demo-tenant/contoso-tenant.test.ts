import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CONTOSO_IDS, createContosoTenant } from '../../src/demo-tenant/contoso-tenant';
import { startDemoGraphServer, type DemoGraphServer } from '../../src/demo-tenant/demo-graph-server';
import { fetchGraph, readAllPages } from './fetch-graph';

interface GraphUser {
  id: string;
  licenseAssignmentStates: { skuId: string; assignedByGroup: string | null; state: string; error: string }[];
}

// Microsoft's table sits beside the repository in the build workspace; a plain clone does not have it.
const PRODUCT_TABLE = resolve(__dirname, '../../data/product-names-and-service-plans.csv');

describe('createContosoTenant', () => {
  let server: DemoGraphServer;
  let v1: string;

  before(async () => {
    server = await startDemoGraphServer({ tenant: createContosoTenant() });
    v1 = `${server.baseUrl}/v1.0`;
  });
  after(async () => {
    await server.close();
  });

  async function waitingFailures(skuId: string): Promise<{ userId: string; groupId: string }[]> {
    const { items: groups } = await readAllPages(`${v1}/groups?$filter=hasMembersWithLicenseErrors eq true&$select=id`);
    const failures: { userId: string; groupId: string }[] = [];
    for (const group of groups) {
      const { items } = await readAllPages(`${v1}/groups/${String(group['id'])}/membersWithLicenseErrors?$select=id,licenseAssignmentStates`);
      for (const user of items as unknown as GraphUser[]) {
        for (const state of user.licenseAssignmentStates) {
          if (state.error === 'CountViolation' && state.skuId === skuId && state.assignedByGroup === group['id']) {
            failures.push({ userId: user.id, groupId: String(group['id']) });
          }
        }
      }
    }
    return failures;
  }

  it('has users waiting for Microsoft 365 E3 in two groups, one of them in both', async () => {
    const failures = await waitingFailures(CONTOSO_IDS.skus.SPE_E3);

    assert.equal(failures.length, 6);
    assert.equal(new Set(failures.map((f) => f.userId)).size, 5);
    assert.deepEqual(new Set(failures.map((f) => f.groupId)), new Set([CONTOSO_IDS.contractorsGroupId, CONTOSO_IDS.tempStaffGroupId]));
    assert.equal(failures.filter((f) => f.userId === CONTOSO_IDS.waitingInBothGroupsUserId).length, 2);
  });

  it('makes Microsoft 365 E3 tight and Power BI Pro over-assigned', async () => {
    const { body } = await fetchGraph(`${v1}/subscribedSkus`);

    const skus = body['value'] as { skuPartNumber: string; consumedUnits: number; prepaidUnits: { enabled: number; warning: number } }[];
    const e3 = skus.find((s) => s.skuPartNumber === 'SPE_E3');
    const powerBi = skus.find((s) => s.skuPartNumber === 'POWER_BI_PRO');
    const ems = skus.find((s) => s.skuPartNumber === 'EMSPREMIUM');
    assert.ok(e3 !== undefined && e3.prepaidUnits.enabled - e3.consumedUnits > 0 && e3.prepaidUnits.enabled - e3.consumedUnits < 5);
    assert.ok(powerBi !== undefined && powerBi.consumedUnits > powerBi.prepaidUnits.enabled);
    assert.ok(ems !== undefined && ems.prepaidUnits.warning > 0);
  });

  it('has a suspended SKU that users still hold, and a SKU whose users sit on grace-period seats', () => {
    const tenant = createContosoTenant();

    const suspended = tenant.skus.filter((sku) => sku.capabilityStatus === 'Suspended' && sku.consumedUnits > 0);
    const onGrace = tenant.skus.filter((sku) => sku.prepaidUnits.warning > 0 && sku.consumedUnits > sku.prepaidUnits.enabled);
    assert.ok(suspended.length >= 1);
    assert.ok(onGrace.length >= 1);
    for (const sku of onGrace) {
      const warning = tenant.subscriptions.filter((s) => s.skuId === sku.skuId && s.status === 'Warning' && s.nextLifecycleDateTime !== null);
      assert.ok(warning.length >= 1, `${sku.skuPartNumber} has a grace period end date`);
    }
  });

  it('has a group assigning two products, one with no free seat, with and without an error recorded on the other', async () => {
    const { body } = await fetchGraph(`${v1}/groups/${CONTOSO_IDS.salesBundleGroupId}?$select=id,assignedLicenses`);
    const products = (body['assignedLicenses'] as { skuId: string }[]).map((license) => license.skuId);
    assert.deepEqual(products.sort(), [CONTOSO_IDS.skus.POWER_BI_PRO, CONTOSO_IDS.skus.EMSPREMIUM].sort());

    const tenant = createContosoTenant();
    const powerBi = tenant.findSku('POWER_BI_PRO');
    assert.ok(powerBi !== undefined && powerBi.prepaidUnits.enabled - powerBi.consumedUnits <= 0);
    const errorsOn = (userId: string): string[] =>
      (tenant.findUser(userId)?.licenseAssignmentStates ?? []).filter((s) => s.state === 'Error').map((s) => s.skuId).sort();
    assert.deepEqual(errorsOn(CONTOSO_IDS.blockedWithErrorUserId), [CONTOSO_IDS.skus.POWER_BI_PRO, CONTOSO_IDS.skus.EMSPREMIUM].sort());
    assert.deepEqual(errorsOn(CONTOSO_IDS.blockedWithoutErrorUserId), [CONTOSO_IDS.skus.POWER_BI_PRO]);
  });

  it('has users in a usage-location error and in a mutually exclusive error', async () => {
    const { items: groups } = await readAllPages(`${v1}/groups?$filter=hasMembersWithLicenseErrors eq true&$select=id`);
    const codes = new Set<string>();
    for (const group of groups) {
      const { items } = await readAllPages(`${v1}/groups/${String(group['id'])}/membersWithLicenseErrors?$select=id,licenseAssignmentStates`);
      for (const user of items as unknown as GraphUser[]) {
        user.licenseAssignmentStates.forEach((state) => codes.add(state.error));
      }
    }
    assert.ok(codes.has('ProhibitedInUsageLocationViolation'));
    assert.ok(codes.has('MutuallyExclusiveViolation'));
  });

  it('uses real SKU GUIDs and part numbers from Microsoft product table', () => {
    const table = readFileSync(PRODUCT_TABLE, 'utf8');
    const tenant = createContosoTenant();

    const missing = tenant.skus.filter((sku) => !table.includes(`,${sku.skuPartNumber},${sku.skuId},`));

    assert.deepEqual(missing, []);
  });

  it('has a trial, a company-level, a free and a viral SKU', () => {
    const tenant = createContosoTenant();

    const onlyTrial = tenant.skus.filter((sku) => {
      const subs = tenant.subscriptions.filter((s) => s.skuId === sku.skuId);
      return subs.length > 0 && subs.every((s) => s.isTrial);
    });
    assert.ok(onlyTrial.length >= 1);
    assert.ok(tenant.skus.some((sku) => sku.appliesTo === 'Company'));
    assert.ok(tenant.skus.some((sku) => /FREE|STANDARD$/.test(sku.skuPartNumber)));
    assert.ok(tenant.skus.some((sku) => /VIRAL/i.test(sku.skuPartNumber)));
  });

  it('has a subscription changing state within 20 days', () => {
    const now = new Date('2026-03-01T00:00:00Z');
    const tenant = createContosoTenant(now);

    const soon = tenant.subscriptions.filter((s) => {
      const at = s.nextLifecycleDateTime === null ? Infinity : Date.parse(s.nextLifecycleDateTime);
      return at > now.getTime() && at - now.getTime() <= 20 * 24 * 60 * 60 * 1000;
    });
    assert.ok(soon.length >= 1);
  });

  it('serves a group name with markup characters literally', async () => {
    const { body } = await fetchGraph(`${v1}/groups/${CONTOSO_IDS.rdInternsGroupId}?$select=displayName`);

    assert.equal(body['displayName'], 'R&D *Interns* ${x}');
  });

  it('puts the admin and approver in License Approvers, and not the regular user', () => {
    const tenant = createContosoTenant();

    const approvers = [CONTOSO_IDS.adminUserId, CONTOSO_IDS.approverUserId, CONTOSO_IDS.nestedApproverUserId, CONTOSO_IDS.regularUserId].map((userId) =>
      tenant.transitiveGroupIds(userId).has(CONTOSO_IDS.approverGroupId),
    );

    assert.deepEqual(approvers, [true, true, true, false]);
  });
});
