import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findGraphCall } from '../../src/graph/find-graph-call';
import { GRAPH_CALLS, HEADROOM_PERMISSIONS, REQUIRED_PERMISSIONS } from '../../src/graph/graph-permissions';
import { renderCallTable, renderPermissionTable } from '../../src/graph/render-permission-tables';

const root = join(__dirname, '..', '..');
const read = (path: string): string => readFileSync(join(root, path), 'utf8');

function block(text: string, name: string): string {
  const start = text.indexOf(`<!-- ${name}:start`);
  const end = text.indexOf(`<!-- ${name}:end -->`);
  assert.ok(start >= 0 && end > start, `no ${name} block`);
  const body = text.slice(text.indexOf('\n', start) + 1, end);
  return body
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
}

describe('the permission table and the docs', () => {
  it('README shows exactly the permission table in code', () => {
    assert.equal(block(read('README.md'), 'permissions'), renderPermissionTable());
  });

  it('docs/permissions.md shows exactly the permission and call tables in code', () => {
    const doc = read('docs/permissions.md');
    assert.equal(block(doc, 'permissions'), renderPermissionTable());
    assert.equal(block(doc, 'calls'), renderCallTable());
  });

  it('requires Organization.Read.All, GroupMember.Read.All and User.Read.All, and .env.example names them', () => {
    assert.deepEqual([...REQUIRED_PERMISSIONS], ['Organization.Read.All', 'GroupMember.Read.All', 'User.Read.All']);
    const env = read('.env.example');
    for (const permission of REQUIRED_PERMISSIONS) {
      assert.match(env, new RegExp(permission.replace(/\./g, '\\.')));
    }
  });

  it('asks, for every call, for its least privileged set of permissions, each of them one Headroom lists', () => {
    const listed = new Set(HEADROOM_PERMISSIONS.map((p) => p.permission));
    for (const call of GRAPH_CALLS) {
      assert.deepEqual([...call.needs].sort(), [...(call.allowedBy[0] ?? [])].sort(), call.id);
      for (const permission of call.needs) {
        assert.ok(listed.has(permission), `${call.id} needs ${permission}, which the table does not list`);
      }
      assert.match(call.docs, /^https:\/\/learn\.microsoft\.com\/graph\/api\//, call.id);
    }
  });

  it('never asks for LicenseAssignment.Read.All or Group.Read.All, which the old README suggested', () => {
    const all = HEADROOM_PERMISSIONS.map((p) => p.permission as string);
    assert.ok(!all.includes('LicenseAssignment.Read.All'));
    assert.ok(!all.includes('Group.Read.All'));
  });

  it('finds the row of every request the license reader and the member checker send', () => {
    const cases: [string, string, string][] = [
      ['GET', 'organization?$select=id,displayName', 'organization'],
      ['GET', 'subscribedSkus?$select=skuId', 'subscribed-skus'],
      ['GET', 'directory/subscriptions?$select=id', 'directory-subscriptions'],
      ['GET', 'groups?$filter=hasMembersWithLicenseErrors eq true&$select=id', 'groups-with-license-errors'],
      ['GET', 'groups/abc/membersWithLicenseErrors?$select=id', 'members-with-license-errors'],
      ['GET', 'users/abc?$select=id,licenseAssignmentStates', 'user-license-states'],
      ['POST', 'users/abc/checkMemberGroups', 'check-member-groups'],
    ];
    for (const [method, path, id] of cases) {
      assert.equal(findGraphCall(method, path)?.id, id, path);
    }
    assert.equal(findGraphCall('POST', '$batch'), undefined);
  });
});
