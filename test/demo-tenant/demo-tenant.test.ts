import assert from 'node:assert/strict';
import { NotFoundError, ValidationError } from '../../src/errors';
import { CONTOSO_IDS, createContosoTenant } from '../../src/demo-tenant/contoso-tenant';

const E3 = CONTOSO_IDS.skus.SPE_E3;

describe('DemoTenant', () => {
  it('updates seat counts of a SKU found by part number', () => {
    const tenant = createContosoTenant();

    tenant.updateSku('spe_e3', { consumedUnits: 500, warning: 20 });

    const sku = tenant.findSku(E3);
    assert.equal(sku?.consumedUnits, 500);
    assert.equal(sku?.prepaidUnits.warning, 20);
    assert.equal(sku?.prepaidUnits.enabled, 500);
  });

  it('refuses an unknown SKU', () => {
    const tenant = createContosoTenant();

    assert.throws(() => tenant.updateSku('NOT_A_SKU', { consumedUnits: 1 }), NotFoundError);
  });

  it('refuses a negative seat count', () => {
    const tenant = createContosoTenant();

    assert.throws(() => tenant.updateSku(E3, { enabled: -1 }), ValidationError);
  });

  it('adds a new waiting user who shows in the group and as a member of it', () => {
    const tenant = createContosoTenant();

    const userId = tenant.addWaitingUser(CONTOSO_IDS.contractorsGroupId, E3);

    assert.equal(tenant.waitingUserIds(E3).length, 6);
    assert.ok(tenant.membersWithLicenseErrors(CONTOSO_IDS.contractorsGroupId).some((user) => user.id === userId));
    assert.ok(tenant.transitiveGroupIds(userId).has(CONTOSO_IDS.contractorsGroupId));
  });

  it('counts an existing user waiting through a second group once', () => {
    const tenant = createContosoTenant();

    tenant.addWaitingUser(CONTOSO_IDS.tempStaffGroupId, E3, CONTOSO_IDS.regularUserId);
    tenant.addWaitingUser(CONTOSO_IDS.contractorsGroupId, E3, CONTOSO_IDS.regularUserId);

    assert.equal(tenant.waitingUserIds(E3).length, 6);
    const states = tenant.findUser(CONTOSO_IDS.regularUserId)?.licenseAssignmentStates.filter((s) => s.error === 'CountViolation');
    assert.equal(states?.length, 2);
  });

  it('removes some waiting users of a SKU, oldest first', () => {
    const tenant = createContosoTenant();
    const before = tenant.waitingUserIds(E3);

    const removed = tenant.removeWaitingUsers(E3, 2);

    assert.equal(removed, 2);
    assert.deepEqual(tenant.waitingUserIds(E3), before.slice(2));
  });

  it('removes all waiting users of a SKU and drops groups left without errors', () => {
    const tenant = createContosoTenant();

    tenant.removeWaitingUsers('SPE_E3');

    assert.deepEqual(tenant.waitingUserIds(E3), []);
    // Contractors keep their usage-location errors; the other groups' errors are about other SKUs.
    assert.deepEqual(
      tenant.groupsWithLicenseErrors().map((g) => g.id),
      [CONTOSO_IDS.contractorsGroupId, CONTOSO_IDS.rdInternsGroupId, CONTOSO_IDS.office365GroupId, CONTOSO_IDS.salesBundleGroupId],
    );
    assert.ok(!tenant.groupsWithLicenseErrors().some((g) => g.id === CONTOSO_IDS.tempStaffGroupId), 'Temp Staff had only E3 waiting users');
  });

  it('sets the next lifecycle date of every subscription of a SKU', () => {
    const tenant = createContosoTenant();

    tenant.setSubscriptionLifecycle('EMSPREMIUM', '2030-01-01T00:00:00Z');

    const dates = tenant.subscriptions.filter((s) => s.skuPartNumber === 'EMSPREMIUM').map((s) => s.nextLifecycleDateTime);
    assert.deepEqual(dates, ['2030-01-01T00:00:00Z', '2030-01-01T00:00:00Z']);
  });

  it('clears a lifecycle date with null', () => {
    const tenant = createContosoTenant();

    tenant.setSubscriptionLifecycle('SPE_E5', null);

    assert.equal(tenant.subscriptions.find((s) => s.skuPartNumber === 'SPE_E5')?.nextLifecycleDateTime, null);
  });

  it('adds a group membership that checkMemberGroups can see', () => {
    const tenant = createContosoTenant();

    tenant.addGroupMembership(CONTOSO_IDS.regularUserId, CONTOSO_IDS.approverGroupId);

    assert.ok(tenant.transitiveGroupIds(CONTOSO_IDS.regularUserId).has(CONTOSO_IDS.approverGroupId));
  });

  it('refuses a membership in an unknown group', () => {
    const tenant = createContosoTenant();

    assert.throws(() => tenant.addGroupMembership(CONTOSO_IDS.regularUserId, 'no-such-group'), NotFoundError);
  });
});
