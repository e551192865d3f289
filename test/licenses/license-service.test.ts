import assert from 'node:assert/strict';
import { CONTOSO_IDS } from '../../src/demo-tenant/contoso-tenant';
import { startDemoGraphServer, type DemoGraphServer } from '../../src/demo-tenant/demo-graph-server';
import { UnavailableError } from '../../src/errors';
import { createGraphAccess } from '../../src/graph/graph-access';
import { LicenseService } from '../../src/licenses/license-service';
import { silentLogger } from '../../src/logger';
import { SqliteStore } from '../../src/store/sqlite-store';
import { storeAdjustments } from '../../src/store/store-adjustments';

const E3 = CONTOSO_IDS.skus.SPE_E3;

describe('LicenseService', () => {
  let graph: DemoGraphServer;
  let store: SqliteStore;
  let clock: number;

  beforeEach(async () => {
    graph = await startDemoGraphServer();
    store = new SqliteStore({ filename: ':memory:' });
    await store.migrate();
    clock = Date.parse('2026-11-29T09:00:00Z');
  });
  afterEach(async () => {
    await store.close();
    await graph.close();
  });

  function service(options: { cacheSeconds?: number; adjustmentsTtlMs?: number } = {}): LicenseService {
    const reader = createGraphAccess({ baseUrl: graph.baseUrl, auth: { kind: 'none' }, retry: { maxAttempts: 1 } }, silentLogger).licenseReader;
    return new LicenseService({
      reader,
      cacheSeconds: options.cacheSeconds ?? 60,
      adjustmentsTtlMs: options.adjustmentsTtlMs,
      logger: silentLogger,
      adjustments: storeAdjustments(store),
      now: () => clock,
    });
  }

  async function oneSnapshotCost(): Promise<number> {
    graph.stats.reset();
    await service().current();
    return graph.stats.httpRequests;
  }

  it('reuses a snapshot for cacheSeconds and reads Graph again after', async () => {
    const cost = await oneSnapshotCost();
    const licenses = service({ cacheSeconds: 60 });
    graph.stats.reset();

    await licenses.current();
    clock += 59_000;
    await licenses.current();
    assert.equal(graph.stats.httpRequests, cost);

    clock += 2_000;
    await licenses.current();
    assert.ok(graph.stats.httpRequests > cost, 'read Graph again');
  });

  it('lets concurrent askers share one in-flight Graph read', async () => {
    const cost = await oneSnapshotCost();
    graph.setLatency(50);
    const licenses = service();
    graph.stats.reset();

    const served = await Promise.all(Array.from({ length: 10 }, () => licenses.current()));

    assert.equal(graph.stats.httpRequests, cost);
    assert.ok(served.every((answer) => answer.snapshot === served[0]?.snapshot));
  });

  it('bypasses the cache for a fresh read', async () => {
    const licenses = service();
    await licenses.current();
    graph.tenant.updateSku('SPE_E3', { consumedUnits: 400 });

    const cached = await licenses.figures();
    const fresh = await licenses.figures({ fresh: true });

    assert.notEqual(cached.figures.find((sku) => sku.skuId === E3)?.assigned, 400);
    assert.equal(fresh.figures.find((sku) => sku.skuId === E3)?.assigned, 400);
  });

  it('serves the last snapshot marked stale, with the reason, when Graph fails', async () => {
    const licenses = service({ cacheSeconds: 0 });
    const first = await licenses.current();
    graph.faults.inject({ status: 503, times: 20 });

    const served = await licenses.current();

    assert.equal(served.stale, true);
    assert.equal(served.snapshot, first.snapshot);
    assert.match(served.staleReason ?? '', /unavailable|503|Graph/i);
    assert.equal(licenses.health().graphReachable, false);
  });

  it('fails when Graph fails and there is no earlier snapshot to fall back on', async () => {
    graph.faults.inject({ status: 503, times: 20 });
    await assert.rejects(service().current(), UnavailableError);
  });

  describe('holds and mutes from the store', () => {
    const hold = (quantity: number) =>
      store.tryTakeHold({ skuId: E3, quantity, reason: 'test', expiresAt: new Date(clock + 600_000).toISOString(), now: new Date(clock).toISOString(), unheldLimit: 100 });

    it('counts active holds in the figures', async () => {
      await hold(2);
      const served = await service().figures();
      assert.equal(served.figures.find((sku) => sku.skuId === E3)?.held, 2);
    });

    it('reuses holds for adjustmentsTtlMs, then reads them again', async () => {
      const licenses = service({ adjustmentsTtlMs: 1000 });
      await licenses.figures();
      await hold(3);

      const within = await licenses.figures();
      clock += 1000;
      const after = await licenses.figures();

      assert.equal(within.figures.find((sku) => sku.skuId === E3)?.held, 0);
      assert.equal(after.figures.find((sku) => sku.skuId === E3)?.held, 3);
    });

    it('reads holds again at once after adjustmentsChanged or for a fresh read', async () => {
      const licenses = service({ adjustmentsTtlMs: 60_000 });
      await licenses.figures();
      await hold(1);
      licenses.adjustmentsChanged();
      const afterChange = await licenses.figures();
      await hold(1);
      const fresh = await licenses.figures({ fresh: true });

      assert.equal(afterChange.figures.find((sku) => sku.skuId === E3)?.held, 1);
      assert.equal(fresh.figures.find((sku) => sku.skuId === E3)?.held, 2);
    });

    it('shares one frozen figures object while nothing changed, and a new one when it did', async () => {
      const licenses = service();
      const first = await licenses.figures();
      const second = await licenses.figures();
      await store.setMuted(E3, true, 'test');
      licenses.adjustmentsChanged();
      const third = await licenses.figures();

      assert.equal(second.figures, first.figures);
      assert.ok(Object.isFrozen(first.figures));
      assert.notEqual(third.figures, first.figures);
      assert.equal(third.figures.find((sku) => sku.skuId === E3)?.hiddenReason, 'muted');
    });
  });
});
