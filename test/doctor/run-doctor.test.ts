import assert from 'node:assert/strict';
import { loadConfig } from '../../src/config';
import { startDemoGraphServer, type DemoGraphServer } from '../../src/demo-tenant/demo-graph-server';
import { runDoctor } from '../../src/doctor/run-doctor';
import { REQUIRED_PERMISSIONS } from '../../src/graph/graph-permissions';

/** The set the README suggested before it was checked against Microsoft's tables. */
const OLD_README_SET = ['LicenseAssignment.Read.All', 'Group.Read.All', 'GroupMember.Read.All', 'User.Read.All'];

describe('runDoctor', () => {
  let graph: DemoGraphServer;

  before(async () => {
    graph = await startDemoGraphServer();
  });
  after(async () => {
    await graph.close();
  });
  afterEach(() => {
    graph.grants.grantAll();
    graph.stats.reset();
  });

  const doctor = () => runDoctor(loadConfig({ GRAPH_BASE_URL: graph.baseUrl }));

  it('passes with exactly the required permissions, and no probe of a required call is refused', async () => {
    graph.grants.grantOnly([...REQUIRED_PERMISSIONS]);

    const report = await doctor();

    assert.equal(report.exitCode, 0);
    assert.equal(report.graph.mode, 'loopback');
    assert.deepEqual(
      report.permissions.filter((row) => row.level === 'required').map((row) => [row.permission, row.status]),
      REQUIRED_PERMISSIONS.map((permission) => [permission, 'granted']),
    );
    assert.deepEqual(report.probes.filter((probe) => probe.outcome === 'denied').map((probe) => probe.id), ['users-sign-in-activity']);
    assert.equal(report.permissions.find((row) => row.permission === 'AuditLog.Read.All')?.status, 'missing');
  });

  for (const removed of REQUIRED_PERMISSIONS) {
    it(`names exactly ${removed} and exits 1 when only it is missing`, async () => {
      graph.grants.grantOnly(REQUIRED_PERMISSIONS.filter((permission) => permission !== removed));

      const report = await doctor();

      assert.equal(report.exitCode, 1);
      assert.deepEqual(
        report.permissions.filter((row) => row.level === 'required' && row.status !== 'granted').map((row) => [row.permission, row.status]),
        [[removed, 'missing']],
      );
    });
  }

  it("names Organization.Read.All for the set the README gave before", async () => {
    graph.grants.grantOnly(OLD_README_SET);

    const report = await doctor();

    assert.equal(report.exitCode, 1);
    assert.deepEqual(
      report.permissions.filter((row) => row.level === 'required' && row.status === 'missing').map((row) => row.permission),
      ['Organization.Read.All'],
    );
  });

  it('probes each call once and read-only, reading one item where a page is read', async () => {
    await doctor();

    const endpoints = graph.stats.byEndpoint;
    for (const [endpoint, count] of Object.entries(endpoints)) {
      assert.equal(count, 1, endpoint);
      assert.ok(endpoint.startsWith('GET ') || endpoint.endsWith('/checkMemberGroups'), endpoint);
    }
  });
});
