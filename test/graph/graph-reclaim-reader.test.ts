import assert from 'node:assert/strict';
import { CONTOSO_DISABLED_DIRECT_E3, CONTOSO_IDS } from '../../src/demo-tenant/contoso-tenant';
import { startDemoGraphServer, type DemoGraphServer } from '../../src/demo-tenant/demo-graph-server';
import { createLargeTenant } from '../../src/demo-tenant/large-tenant';
import { MissingPermissionError, PremiumLicenseRequiredError } from '../../src/errors';
import { createGraphAccess } from '../../src/graph/graph-access';
import type { GraphReclaimReader } from '../../src/graph/graph-reclaim-reader';
import { silentLogger } from '../../src/logger';
import type { ReclaimCandidate } from '../../src/reclaim/reclaim-scan';
import { runReclaimScan } from '../../src/reclaim/run-reclaim-scan';

const { skus } = CONTOSO_IDS;
const DAY_MS = 24 * 60 * 60 * 1000;

function readerFor(server: DemoGraphServer): GraphReclaimReader {
  return createGraphAccess({ baseUrl: server.baseUrl, auth: { kind: 'none' }, retry: { sleep: () => Promise.resolve() } }, silentLogger).reclaimReader;
}

function find(candidates: ReclaimCandidate[], userId: string, skuId: string): ReclaimCandidate | undefined {
  return candidates.find((c) => c.userId === userId && c.skuId === skuId);
}

describe('GraphReclaimReader against the demo tenant', () => {
  let server: DemoGraphServer;
  let reader: GraphReclaimReader;
  const settings = { inactiveDays: 90, excludeGroupId: CONTOSO_IDS.reclaimExcludeGroupId, now: () => new Date() };

  before(async () => {
    server = await startDemoGraphServer({});
    reader = readerFor(server);
  });
  after(async () => {
    await server.close();
  });
  afterEach(() => {
    server.grants.grantAll();
    server.tenant.premium = true;
    server.stats.reset();
  });

  it('finds Contoso\'s disabled and inactive seats, naming the groups that assign them, and leaves out excluded and new accounts', async () => {
    const scan = await runReclaimScan(reader, settings);
    const { candidates } = scan;

    const disabledDirectE3 = candidates.filter((c) => c.reason === 'disabled' && c.skuId === skus.SPE_E3 && c.assignedBy === 'direct');
    assert.equal(disabledDirectE3.length, CONTOSO_DISABLED_DIRECT_E3);
    assert.deepEqual(find(candidates, CONTOSO_IDS.disabledGroupUserId, skus.SPE_E3)?.assignedBy, {
      groupId: CONTOSO_IDS.e3StandardGroupId,
      displayName: 'Microsoft 365 E3 - Standard',
    });
    assert.deepEqual(find(candidates, CONTOSO_IDS.disabledBothUserId, skus.SPE_E3)?.assignedBy, {
      groupId: CONTOSO_IDS.e3StandardGroupId,
      displayName: 'Microsoft 365 E3 - Standard',
    });
    assert.equal(find(candidates, CONTOSO_IDS.inactiveUserId, skus.SPE_E3)?.reason, 'inactive');
    assert.equal(find(candidates, CONTOSO_IDS.inactiveUserId, skus.VISIOCLIENT)?.assignedBy, 'direct');
    assert.equal(find(candidates, CONTOSO_IDS.neverSignedInUserId, skus.ENTERPRISEPACK)?.lastSignIn, null);
    for (const never of [CONTOSO_IDS.recentUserId, CONTOSO_IDS.excludedNestedUserId, CONTOSO_IDS.excludedDirectUserId, CONTOSO_IDS.regularUserId]) {
      assert.equal(candidates.filter((c) => c.userId === never).length, 0, never);
    }
    assert.equal(candidates.length, CONTOSO_DISABLED_DIRECT_E3 + 2 + 3);
    assert.equal(scan.inactiveUnknown, null);
    // A disabled candidate shows its last sign-in when the inactive read listed it (older than the cutoff).
    const omar = Date.parse(find(candidates, CONTOSO_IDS.disabledBothUserId, skus.SPE_E3)?.lastSignIn ?? '');
    assert.ok(Math.abs(Date.now() - omar - 140 * DAY_MS) < DAY_MS);
    assert.equal(find(candidates, CONTOSO_IDS.disabledDirectUserId, skus.SPE_E3)?.lastSignIn, null);
  });

  it('sends the disabled query as an advanced query (ConsistencyLevel: eventual, $count=true)', async () => {
    await reader.disabledLicensedUsers();

    assert.equal(server.stats.headersSeen['consistencylevel'], 'eventual');
  });

  it('without User.Read.All, refuses the disabled read with a MissingPermissionError naming it', async () => {
    server.grants.grantOnly(['GroupMember.Read.All', 'AuditLog.Read.All']);

    await assert.rejects(reader.disabledLicensedUsers(), (error: unknown) => error instanceof MissingPermissionError && error.permissions.includes('User.Read.All'));
  });

  it('without AuditLog.Read.All, names it, and the scan still lists disabled seats with inactive seats unknown', async () => {
    server.grants.grantOnly(['User.Read.All', 'GroupMember.Read.All']);

    await assert.rejects(reader.usersNotSignedInSince(new Date()), (error: unknown) => error instanceof MissingPermissionError && error.permissions.includes('AuditLog.Read.All'));
    const scan = await runReclaimScan(reader, settings);
    assert.equal(scan.inactiveUnknown?.reason, 'permission');
    assert.ok(scan.candidates.length > 0);
    assert.ok(scan.candidates.every((c) => c.reason === 'disabled'));
  });

  it('in a tenant without Entra ID P1/P2, says so rather than asking for a permission', async () => {
    server.tenant.premium = false;

    await assert.rejects(reader.usersNotSignedInSince(new Date()), PremiumLicenseRequiredError);
    const scan = await runReclaimScan(reader, settings);
    assert.equal(scan.inactiveUnknown?.reason, 'premium-license');
  });

  it('without GroupMember.Read.All, refuses the exclusion group read, naming it', async () => {
    server.grants.grantOnly(['User.Read.All', 'AuditLog.Read.All']);

    await assert.rejects(
      reader.transitiveMemberIds(CONTOSO_IDS.reclaimExcludeGroupId),
      (error: unknown) => error instanceof MissingPermissionError && error.permissions.includes('GroupMember.Read.All'),
    );
  });

  it('reads the exclusion group transitively', async () => {
    const ids = await reader.transitiveMemberIds(CONTOSO_IDS.reclaimExcludeGroupId);

    assert.deepEqual(ids, new Set([CONTOSO_IDS.excludedNestedUserId.toLowerCase(), CONTOSO_IDS.excludedDirectUserId.toLowerCase()]));
  });
});

describe('GraphReclaimReader on a 100,000-user tenant', () => {
  let server: DemoGraphServer;

  before(async () => {
    server = await startDemoGraphServer({ tenant: createLargeTenant({ users: 100_000, disabledLicensedUsers: 1_000 }) });
  });
  after(async () => {
    await server.close();
  });

  it('follows next links over http loopback and sends requests in proportion to candidates, not users', async () => {
    const scan = await runReclaimScan(readerFor(server), { inactiveDays: 90, excludeGroupId: null, now: () => new Date() });

    assert.equal(scan.candidates.filter((c) => c.reason === 'disabled').length, 1_000);
    assert.equal(scan.candidates.filter((c) => c.reason === 'inactive').length, 0);
    // Disabled: 2 pages of 999; stale sign-ins (the same 1,000 leavers): 2 pages of 500; never signed in: 1;
    // one $batch for the assigning groups' names.
    assert.ok(server.stats.httpRequests <= 8, `sent ${server.stats.httpRequests} requests`);
  });
});
