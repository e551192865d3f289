import { CONTOSO_IDS } from '../../src/demo-tenant/contoso-tenant';
import assert from 'node:assert/strict';
import { loadConfig } from '../../src/config';
import { startDemoGraphServer, type DemoGraphServer } from '../../src/demo-tenant/demo-graph-server';
import { runDoctor } from '../../src/doctor/run-doctor';
import type { TokenCredential } from '@azure/identity';
import { REQUIRED_PERMISSIONS } from '../../src/graph/graph-permissions';
import { renderDoctorReport } from '../../src/doctor/render-doctor-report';

/** The set the README suggested before it was checked against Microsoft's tables. */
const OLD_README_SET = ['LicenseAssignment.Read.All', 'Group.Read.All', 'GroupMember.Read.All', 'User.Read.All'];

/**
 * A credential whose tokens carry `roles` and no valid signature: the demo Graph (started without
 * token settings) reads and enforces their roles, as Graph enforces a real token's.
 */
function credentialWithRoles(roles: string[]): TokenCredential {
  const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const token = `${part({ alg: 'RS256', typ: 'JWT' })}.${part({ aud: 'https://graph.microsoft.com', roles })}.c2ln`;
  return { getToken: () => Promise.resolve({ token, expiresOnTimestamp: Date.now() + 3_600_000 }) };
}

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

  it('finds sign-in activity readable with AuditLog.Read.All, through the filter the reclaim scan sends', async () => {
    graph.grants.grantOnly([...REQUIRED_PERMISSIONS, 'AuditLog.Read.All']);

    const report = await doctor();

    assert.equal(report.probes.find((probe) => probe.id === 'users-sign-in-activity')?.outcome, 'ok');
    assert.equal(report.permissions.find((row) => row.permission === 'AuditLog.Read.All')?.status, 'granted');
    assert.match(String(graph.stats.byEndpoint['GET /v1.0/users']), /^[1-9]/);
  });

  it('says what to grant for sign-in activity when AuditLog.Read.All is missing', async () => {
    graph.grants.grantOnly([...REQUIRED_PERMISSIONS]);

    const report = await doctor();

    assert.match(report.probes.find((probe) => probe.id === 'users-sign-in-activity')?.detail ?? '', /AuditLog\.Read\.All/);
  });

  it('says Microsoft Entra ID P1 or P2 is needed in a tenant without it, and still passes', async () => {
    graph.tenant.premium = false;
    try {
      const report = await doctor();

      const signIns = report.probes.find((probe) => probe.id === 'users-sign-in-activity');
      assert.equal(signIns?.outcome, 'failed');
      assert.match(signIns.detail, /P1 or P2/);
      assert.equal(report.exitCode, 0);
    } finally {
      graph.tenant.premium = true;
    }
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
    const report = await doctor();

    const endpoints = graph.stats.byEndpoint;
    const requests = Object.values(endpoints).reduce((sum, count) => sum + count, 0);
    // One request per probe that ran: no probe pages on or retries.
    assert.equal(requests, report.probes.filter((probe) => probe.outcome !== 'skipped').length);
    for (const [endpoint, count] of Object.entries(endpoints)) {
      // GET /users twice: the reclaim scan's disabled-users query and its sign-in query.
      assert.equal(count, endpoint === 'GET /v1.0/users' ? 2 : 1, endpoint);
      assert.ok(endpoint.startsWith('GET ') || endpoint.endsWith('/checkMemberGroups'), endpoint);
    }
  });

  it("probes the reclaim scan's advanced query with Graph's ConsistencyLevel header, and the exclusion group when set", async () => {
    const unset = await doctor();
    assert.equal(unset.probes.find((probe) => probe.id === 'users-disabled-licensed')?.outcome, 'ok');
    assert.equal(unset.probes.find((probe) => probe.id === 'group-transitive-member-users')?.outcome, 'skipped');

    const set = await runDoctor(loadConfig({ GRAPH_BASE_URL: graph.baseUrl, RECLAIM_EXCLUDE_GROUP_ID: CONTOSO_IDS.reclaimExcludeGroupId }));
    assert.equal(set.probes.find((probe) => probe.id === 'group-transitive-member-users')?.outcome, 'ok');

    graph.grants.grantOnly(['Organization.Read.All', 'GroupMember.Read.All']);
    const denied = await doctor();
    assert.match(denied.probes.find((probe) => probe.id === 'users-disabled-licensed')?.detail ?? '', /User\.Read\.All/);
  });

  describe('with RECLAIM_ACTIONS', () => {
    const doctorWith = (env: NodeJS.ProcessEnv, roles: string[]) =>
      runDoctor(loadConfig({ GRAPH_BASE_URL: graph.baseUrl, ...env }), { credential: credentialWithRoles(roles) });

    it('fails when on and LicenseAssignment.ReadWrite.All is not among the token roles, saying what to grant', async () => {
      const report = await doctorWith({ RECLAIM_ACTIONS: 'on' }, [...REQUIRED_PERMISSIONS]);

      assert.equal(report.exitCode, 1);
      assert.equal(report.reclaim.ok, false);
      assert.match(report.reclaim.detail, /LicenseAssignment\.ReadWrite\.All is not granted/);
      assert.match(renderDoctorReport(report), /Reclaim actions: PROBLEM: .*LicenseAssignment\.ReadWrite\.All/);
      assert.equal(report.permissions.find((row) => row.permission === 'LicenseAssignment.ReadWrite.All')?.status, 'missing');
    });

    it('passes when on and granted, and only says User.ReadWrite.All would reprocess waiting users', async () => {
      const report = await doctorWith({ RECLAIM_ACTIONS: 'on' }, [...REQUIRED_PERMISSIONS, 'LicenseAssignment.ReadWrite.All']);

      assert.equal(report.exitCode, 0);
      assert.equal(report.reclaim.ok, true);
      assert.match(report.reclaim.detail, /license removals are allowed/);
      assert.match(report.reclaim.detail, /User\.ReadWrite\.All is not granted, so waiting users are not reprocessed/);
    });

    it('counts Directory.ReadWrite.All as allowing both writes', async () => {
      const report = await doctorWith({ RECLAIM_ACTIONS: 'on' }, [...REQUIRED_PERMISSIONS, 'Directory.ReadWrite.All']);

      assert.equal(report.reclaim.ok, true);
      assert.doesNotMatch(report.reclaim.detail, /not granted/);
    });

    it('passes when off without the write permission', async () => {
      const report = await doctorWith({}, [...REQUIRED_PERMISSIONS]);

      assert.equal(report.exitCode, 0);
      assert.deepEqual([report.reclaim.actions, report.reclaim.ok], ['off', true]);
    });

    it('never makes a write to check: no assignLicense or reprocessLicenseAssignment reaches Graph', async () => {
      await doctorWith({ RECLAIM_ACTIONS: 'on' }, [...REQUIRED_PERMISSIONS, 'LicenseAssignment.ReadWrite.All', 'User.ReadWrite.All']);

      const writes = Object.keys(graph.stats.byEndpoint).filter((endpoint) => /assignLicense|reprocessLicenseAssignment/.test(endpoint));
      assert.deepEqual(writes, []);
      assert.ok(Object.keys(graph.stats.byEndpoint).length > 0);
    });
  });
});
