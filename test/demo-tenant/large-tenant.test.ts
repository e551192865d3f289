import assert from 'node:assert/strict';
import { startDemoGraphServer, type DemoGraphServer } from '../../src/demo-tenant/demo-graph-server';
import { createLargeTenant } from '../../src/demo-tenant/large-tenant';
import { readAllPages } from './fetch-graph';

interface GraphUser {
  id: string;
  licenseAssignmentStates: { error: string }[];
}

describe('createLargeTenant', () => {
  let server: DemoGraphServer;
  let v1: string;

  before(async () => {
    const tenant = createLargeTenant();
    server = await startDemoGraphServer({ tenant });
    v1 = `${server.baseUrl}/v1.0`;
  });
  after(async () => {
    await server.close();
  });

  it('holds 100,000 users by default', () => {
    assert.equal(server.tenant.userCount, 100_000);
  });

  it('has the requested groups and groups with license errors', async () => {
    const { items: all } = await readAllPages(`${v1}/groups?$select=id&$top=999`);
    const { items: withErrors } = await readAllPages(`${v1}/groups?$filter=hasMembersWithLicenseErrors eq true&$select=id`);

    assert.equal(all.length, 1000);
    assert.equal(withErrors.length, 40);
  });

  it('reaches every waiting user through the license-error groups', async () => {
    const { items: groups } = await readAllPages(`${v1}/groups?$filter=hasMembersWithLicenseErrors eq true&$select=id&$top=999`);
    const waiting = new Set<string>();
    for (const group of groups) {
      const { items } = await readAllPages(`${v1}/groups/${String(group['id'])}/membersWithLicenseErrors?$select=id&$top=999`);
      items.forEach((user) => waiting.add(String(user['id'])));
    }

    assert.equal(waiting.size, 2000);
  });

  it('pages over all users in ceil(users / 999) pages', async () => {
    const { items, pages } = await readAllPages(`${v1}/users?$select=id,licenseAssignmentStates&$top=999`);

    assert.equal(items.length, 100_000);
    assert.equal(pages, Math.ceil(100_000 / 999));
    const waiting = (items as unknown as GraphUser[]).filter((user) => user.licenseAssignmentStates.some((state) => state.error === 'CountViolation'));
    assert.equal(waiting.length, 2000);
  });

  it('builds the same tenant for the same seed and options', () => {
    const options = { users: 5000, licensedGroups: 50, skus: 10, waitingUsers: 100, errorGroups: 5, seed: 42 };

    const first = createLargeTenant(options);
    const second = createLargeTenant(options);

    assert.deepEqual(first.skus, second.skus);
    assert.deepEqual(first.userAt(4321), second.userAt(4321));
    assert.equal(first.groupsWithLicenseErrors().length, 5);
  });

  it('finds a virtual user by its id', () => {
    const tenant = createLargeTenant({ users: 1000, waitingUsers: 10, licensedGroups: 20, errorGroups: 4 });
    const user = tenant.userAt(777);

    assert.deepEqual(tenant.findUser(user.id), user);
  });

  it('refuses more waiting users than users', () => {
    assert.throws(() => createLargeTenant({ users: 10, waitingUsers: 11 }), RangeError);
  });

  it('makes the requested number of disabled licensed users, none of them waiting, signed in long ago', () => {
    const now = new Date('2030-01-01T12:00:00Z');
    const tenant = createLargeTenant({ users: 10_000, waitingUsers: 200, licensedGroups: 100, errorGroups: 4, disabledLicensedUsers: 100, now });

    const disabled = tenant.findUsers((user) => !user.accountEnabled);
    assert.equal(disabled.length, 100);
    assert.ok(disabled.every((user) => user.licenseAssignmentStates.some((state) => state.state === 'Active')));
    assert.ok(disabled.every((user) => user.signInActivity?.lastSuccessfulSignInDateTime === '2029-06-15T00:00:00.000Z'));
    assert.equal(tenant.userAt(1).signInActivity?.lastSuccessfulSignInDateTime, '2029-12-31T00:00:00.000Z');
  });

  it('refuses more disabled users than users', () => {
    assert.throws(() => createLargeTenant({ users: 10, waitingUsers: 0, disabledLicensedUsers: 11 }), RangeError);
  });
});
