import assert from 'node:assert/strict';
import { CONTOSO_IDS } from '../../src/demo-tenant/contoso-tenant';
import { startDemoGraphServer, type DemoGraphServer } from '../../src/demo-tenant/demo-graph-server';
import { createGraphAccess } from '../../src/graph/graph-access';
import { LicenseService } from '../../src/licenses/license-service';
import { silentLogger } from '../../src/logger';
import type { ReclaimCandidate, ReclaimScan } from '../../src/reclaim/reclaim-scan';
import type { ReclaimScanStore } from '../../src/reclaim/reclaim-scan-store';
import { SqliteStore } from '../../src/store/sqlite-store';
import { storeAdjustments } from '../../src/store/store-adjustments';

const E3 = CONTOSO_IDS.skus.SPE_E3;
const E5 = CONTOSO_IDS.skus.SPE_E5;

function candidate(userId: string, skuId: string, reason: ReclaimCandidate['reason']): ReclaimCandidate {
  return { userId, userPrincipalName: `${userId}@contoso.com`, displayName: userId, skuId, reason, lastSignIn: null, assignedBy: 'direct' };
}

/** The scan port, counting reads (the scan helper's store implements it on both databases). */
class CountingScans implements ReclaimScanStore {
  latest: ReclaimScan | null = null;
  reads = 0;
  saveReclaimScan(scan: ReclaimScan): Promise<void> {
    this.latest = scan;
    return Promise.resolve();
  }
  latestReclaimScan(): Promise<ReclaimScan | null> {
    this.reads += 1;
    return Promise.resolve(this.latest === null ? null : structuredClone(this.latest));
  }
}

describe('LicenseService with the latest reclaim scan', () => {
  let graph: DemoGraphServer;
  let store: SqliteStore;
  let scans: CountingScans;
  let clock: number;

  beforeEach(async () => {
    graph = await startDemoGraphServer();
    store = new SqliteStore({ filename: ':memory:' });
    await store.migrate();
    scans = new CountingScans();
    clock = Date.parse('2026-11-30T12:00:00Z');
  });
  afterEach(async () => {
    await store.close();
    await graph.close();
  });

  function service(adjustmentsTtlMs = 1000): LicenseService {
    const reader = createGraphAccess({ baseUrl: graph.baseUrl, auth: { kind: 'none' }, retry: { maxAttempts: 1 } }, silentLogger).licenseReader;
    return new LicenseService({ reader, cacheSeconds: 60, adjustmentsTtlMs, logger: silentLogger, adjustments: storeAdjustments(store, scans), now: () => clock });
  }

  it('gives every SKU null reclaimable seats before the first scan, never 0', async () => {
    const served = await service().figures();

    assert.ok(served.figures.length > 0);
    assert.ok(served.figures.every((sku) => sku.reclaimable === null));
  });

  it('counts each SKU\'s disabled and inactive users, 0 for SKUs the scan found nothing on, with the scan\'s age', async () => {
    await scans.saveReclaimScan({
      asOf: '2026-11-30T09:00:00Z',
      inactiveDays: 90,
      inactiveUnknown: null,
      candidates: [candidate('a', E3.toUpperCase(), 'disabled'), candidate('b', E3, 'disabled'), candidate('c', E3, 'inactive')],
    });

    const figures = (await service().figures()).figures;

    assert.deepEqual(figures.find((sku) => sku.skuId === E3)?.reclaimable, { asOf: '2026-11-30T09:00:00Z', inactiveDays: 90, inactiveUnknown: null, disabled: 2, inactive: 1 });
    assert.deepEqual(
      { disabled: figures.find((sku) => sku.skuId === E5)?.reclaimable?.disabled, inactive: figures.find((sku) => sku.skuId === E5)?.reclaimable?.inactive },
      { disabled: 0, inactive: 0 },
    );
  });

  it('makes inactive null on every SKU when the scan could not read sign-ins', async () => {
    const inactiveUnknown = { reason: 'premium-license' as const, detail: 'The tenant has no Entra ID P1 or P2.' };
    await scans.saveReclaimScan({ asOf: '2026-11-30T09:00:00Z', inactiveDays: 90, inactiveUnknown, candidates: [candidate('a', E3, 'disabled')] });

    const figures = (await service().figures()).figures;

    assert.ok(figures.every((sku) => sku.reclaimable?.inactive === null));
    assert.equal(figures.find((sku) => sku.skuId === E3)?.reclaimable?.disabled, 1);
    assert.deepEqual(figures.find((sku) => sku.skuId === E5)?.reclaimable?.inactiveUnknown, inactiveUnknown);
  });

  it('reads the scan with holds and mutes, once per adjustmentsTtlMs, and reuses the frozen figures while it is the same', async () => {
    await scans.saveReclaimScan({ asOf: '2026-11-30T09:00:00Z', inactiveDays: 90, inactiveUnknown: null, candidates: [candidate('a', E3, 'disabled')] });
    const licenses = service(1000);

    const first = await licenses.figures();
    const second = await licenses.figures();
    assert.equal(scans.reads, 1, 'one read within the TTL');
    clock += 1000;
    const third = await licenses.figures();

    assert.equal(scans.reads, 2);
    assert.equal(second.figures, first.figures);
    assert.equal(third.figures, first.figures, 'the same scan read again gives the same figures object');
    assert.ok(Object.isFrozen(first.figures.find((sku) => sku.skuId === E3)?.reclaimable));
  });

  it('shows a new scan after adjustmentsTtlMs', async () => {
    await scans.saveReclaimScan({ asOf: '2026-11-30T09:00:00Z', inactiveDays: 90, inactiveUnknown: null, candidates: [candidate('a', E3, 'disabled')] });
    const licenses = service(1000);
    await licenses.figures();
    await scans.saveReclaimScan({
      asOf: '2026-11-30T11:00:00Z',
      inactiveDays: 90,
      inactiveUnknown: null,
      candidates: [candidate('a', E3, 'disabled'), candidate('b', E3, 'disabled')],
    });

    const within = await licenses.figures();
    clock += 1000;
    const after = await licenses.figures();

    assert.equal(within.figures.find((sku) => sku.skuId === E3)?.reclaimable?.disabled, 1);
    assert.equal(after.figures.find((sku) => sku.skuId === E3)?.reclaimable?.disabled, 2);
    assert.equal(after.figures.find((sku) => sku.skuId === E3)?.reclaimable?.asOf, '2026-11-30T11:00:00Z');
  });
});
