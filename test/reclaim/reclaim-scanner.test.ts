import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CONTOSO_DISABLED_DIRECT_E3, CONTOSO_IDS } from '../../src/demo-tenant/contoso-tenant';
import { startDemoGraphServer, type DemoGraphServer } from '../../src/demo-tenant/demo-graph-server';
import { createGraphAccess } from '../../src/graph/graph-access';
import { silentLogger } from '../../src/logger';
import { MissingPermissions } from '../../src/missing-permissions';
import { ReclaimScanner } from '../../src/reclaim/reclaim-scanner';
import { createStore } from '../../src/store/create-store';
import type { Store } from '../../src/store/store';
import { captureLogger } from '../support/capture-logger';
import { startHarness, type Harness } from '../support/headroom-harness';

const HOUR_MS = 60 * 60 * 1000;
const T0 = new Date('2030-03-01T08:00:00.000Z');
const hoursLater = (hours: number): Date => new Date(T0.getTime() + hours * HOUR_MS);

describe('ReclaimScanner', () => {
  let server: DemoGraphServer;
  let dataDir: string;
  let stores: Store[];

  beforeEach(async () => {
    server = await startDemoGraphServer({ enableControl: true });
    dataDir = mkdtempSync(path.join(tmpdir(), 'headroom-reclaim-'));
    stores = [];
  });
  afterEach(async () => {
    for (const store of stores) {
      await store.close();
    }
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** A scanner as one Headroom process builds it: its own store connection, Graph access and permission list. */
  async function startProcess(scanHours = 24): Promise<{ scanner: ReclaimScanner; store: Store; missing: MissingPermissions; lines: Record<string, unknown>[] }> {
    const store = await createStore({ databaseUrl: null, dataDir }, silentLogger);
    stores.push(store);
    const { logger, lines } = captureLogger();
    const graph = createGraphAccess({ baseUrl: server.baseUrl, auth: { kind: 'none' }, retry: { sleep: () => Promise.resolve(), maxAttempts: 1 } }, logger);
    const missing = new MissingPermissions(logger);
    const settings = { inactiveDays: 90, excludeGroupId: CONTOSO_IDS.reclaimExcludeGroupId, scanHours };
    return { scanner: new ReclaimScanner({ directory: graph.reclaimReader, store, settings, missingPermissions: missing, logger }), store, missing, lines };
  }

  it('scans when there is no stored scan, then once per RECLAIM_SCAN_HOURS, also across a restart', async () => {
    const first = await startProcess();
    const scan = await first.scanner.scanIfDue(T0);
    const requestsAfterFirst = server.stats.httpRequests;

    assert.ok(scan !== null);
    assert.equal(scan.candidates.filter((c) => c.reason === 'disabled' && c.assignedBy === 'direct' && c.skuId === CONTOSO_IDS.skus.SPE_E3).length, CONTOSO_DISABLED_DIRECT_E3);
    assert.equal(await first.scanner.scanIfDue(hoursLater(23)), null);

    const restarted = await startProcess();
    assert.equal(await restarted.scanner.scanIfDue(hoursLater(23.9)), null, 'a restarted process uses the stored scan');
    assert.equal(server.stats.httpRequests, requestsAfterFirst, 'no Graph request before the scan is due');
    const next = await restarted.scanner.scanIfDue(hoursLater(24));
    assert.equal(next?.asOf, hoursLater(24).toISOString());
    assert.equal((await restarted.store.latestReclaimScan())?.asOf, hoursLater(24).toISOString());
  });

  it('keeps the older scan when a read fails, logs it without throwing, and tries again later', async () => {
    const instance = await startProcess();
    await instance.scanner.scanIfDue(T0);
    server.faults.inject({ status: 503, pathIncludes: 'accountEnabled', times: 10 });

    const stored = instance.scanner.status();
    assert.equal(stored.lastScanAt, T0.toISOString());
    assert.equal(stored.lastCandidates, (await instance.store.latestReclaimScan())?.candidates.length);
    assert.equal(stored.lastError, null);

    const failed = await instance.scanner.scanIfDue(hoursLater(25));

    assert.equal(failed, null);
    assert.equal((await instance.store.latestReclaimScan())?.asOf, T0.toISOString());
    // /healthz shows the failure beside the last scan that worked.
    assert.equal(instance.scanner.status().lastScanAt, T0.toISOString());
    assert.notEqual(instance.scanner.status().lastError, null);
    assert.ok(instance.lines.some((line) => line['level'] === 'error' && String(line['msg']).includes('reclaim scan failed')));
    server.faults.clear();
    assert.equal(await instance.scanner.scanIfDue(hoursLater(25.5)), null, 'no retry within the hour');
    assert.equal((await instance.scanner.scanIfDue(hoursLater(26)))?.asOf, hoursLater(26).toISOString());
    assert.deepEqual([instance.scanner.status().lastScanAt, instance.scanner.status().lastError], [hoursLater(26).toISOString(), null]);
  });

  it('reports AuditLog.Read.All missing once, and stores disabled seats with inactive seats unknown', async () => {
    const instance = await startProcess(1);
    server.grants.grantOnly(['User.Read.All', 'GroupMember.Read.All', 'Organization.Read.All']);

    const scan = await instance.scanner.scanIfDue(T0);
    await instance.scanner.scanIfDue(hoursLater(2));

    assert.equal(scan?.inactiveUnknown?.reason, 'permission');
    assert.deepEqual(instance.missing.names(), ['AuditLog.Read.All']);
    assert.equal(instance.lines.filter((line) => String(line['msg']).includes('AuditLog.Read.All is missing')).length, 1);
    server.grants.grantAll();
    await instance.scanner.scanIfDue(hoursLater(4));
    assert.deepEqual(instance.missing.names(), []);
  });

  it('reports the permissions a failed scan lacked', async () => {
    const instance = await startProcess();
    server.grants.grantOnly(['GroupMember.Read.All', 'Organization.Read.All']);

    assert.equal(await instance.scanner.scanIfDue(T0), null);
    assert.deepEqual(instance.missing.names(), ['User.Read.All']);
  });

  it('scans again at once when RECLAIM_INACTIVE_DAYS changed since the stored scan', async () => {
    const instance = await startProcess();
    await instance.store.saveReclaimScan({ asOf: T0.toISOString(), inactiveDays: 30, inactiveUnknown: null, candidates: [] });

    const scan = await instance.scanner.scanIfDue(hoursLater(1));

    assert.equal(scan?.inactiveDays, 90);
  });
});

describe('the reclaim scan in a running Headroom', () => {
  let harness: Harness;

  before(async () => {
    harness = await startHarness({ RECLAIM_EXCLUDE_GROUP_ID: CONTOSO_IDS.reclaimExcludeGroupId });
  });
  after(async () => {
    await harness.stop();
  });

  it('runs on the watcher leader in a tick and is stored, once per cadence, and /healthz says when', async () => {
    const first = await harness.headroom.watcher.tickOnce();
    const stored = await harness.headroom.store.latestReclaimScan();
    await harness.headroom.watcher.tickOnce();
    const health = (await (await fetch(`${harness.headroom.url}/healthz`)).json()) as { reclaimScan: Record<string, unknown> };
    assert.deepEqual(health.reclaimScan, { lastScanAt: stored?.asOf, lastCandidates: stored?.candidates.length, lastError: null });

    assert.equal(first.leader, true);
    assert.ok(stored !== null && stored.candidates.length > 0);
    assert.ok(stored.candidates.every((c) => c.userId !== CONTOSO_IDS.excludedNestedUserId));
    assert.equal((await harness.headroom.store.latestReclaimScan())?.asOf, stored.asOf);
  });
});
