import assert from 'node:assert/strict';
import { CONTOSO_IDS } from '../../src/demo-tenant/contoso-tenant';
import { startDemoGraphServer, type DemoGraphServer } from '../../src/demo-tenant/demo-graph-server';
import { createGraphAccess } from '../../src/graph/graph-access';
import { LicenseService } from '../../src/licenses/license-service';
import { silentLogger } from '../../src/logger';
import type { ReclaimCandidate } from '../../src/reclaim/reclaim-scan';
import { PostgresStore } from '../../src/store/postgres-store';
import { SqliteStore } from '../../src/store/sqlite-store';
import { storeAdjustments } from '../../src/store/store-adjustments';
import { requirePostgres, type TestDatabase } from '../support/postgres';

const E3 = CONTOSO_IDS.skus.SPE_E3;
const E5 = CONTOSO_IDS.skus.SPE_E5;

function candidate(userId: string, skuId: string, reason: ReclaimCandidate['reason']): ReclaimCandidate {
  return { userId, userPrincipalName: `${userId}@contoso.com`, displayName: userId, skuId, reason, lastSignIn: null, assignedBy: 'direct' };
}

type Store = SqliteStore | PostgresStore;

/** The store with its reads of the latest scan counted. */
function counted(store: Store): { store: Store; reads: () => number } {
  let reads = 0;
  const latestReclaimScan = store.latestReclaimScan.bind(store);
  return {
    store: Object.assign(Object.create(store) as Store, {
      latestReclaimScan: () => {
        reads += 1;
        return latestReclaimScan();
      },
    }),
    reads: () => reads,
  };
}

for (const dialect of ['SQLite', 'PostgreSQL'] as const) {
  describe(`LicenseService with the latest reclaim scan (${dialect})`, function () {
    let graph: DemoGraphServer;
    let store: Store;
    let database: TestDatabase | undefined;
    let clock: number;
    let reads: () => number;
    let adjusted: Store;

    before(async function () {
      if (dialect === 'PostgreSQL') {
        database = await requirePostgres(this);
      }
    });
    after(async () => {
      await database?.drop();
    });
    let schemas = 0;
    beforeEach(async () => {
      graph = await startDemoGraphServer();
      schemas += 1;
      store =
        dialect === 'SQLite'
          ? new SqliteStore({ filename: ':memory:' })
          : new PostgresStore({ connectionString: (database as TestDatabase).url, schema: `reclaimable_${schemas}`, poolSize: 4 });
      await store.migrate();
      ({ store: adjusted, reads } = counted(store));
      clock = Date.parse('2026-11-30T12:00:00Z');
    });
    afterEach(async () => {
      await store.close();
      await graph.close();
    });

    function service(adjustmentsTtlMs = 1000): LicenseService {
      const reader = createGraphAccess({ baseUrl: graph.baseUrl, auth: { kind: 'none' }, retry: { maxAttempts: 1 } }, silentLogger).licenseReader;
      return new LicenseService({ reader, cacheSeconds: 60, adjustmentsTtlMs, logger: silentLogger, adjustments: storeAdjustments(adjusted), now: () => clock });
    }

    it('gives every SKU null reclaimable seats before the first scan, never 0', async () => {
      const served = await service().figures();

      assert.ok(served.figures.length > 0);
      assert.ok(served.figures.every((sku) => sku.reclaimable === null));
    });

    it('counts each SKU\'s disabled and inactive users, 0 for SKUs the scan found nothing on, with the scan\'s age', async () => {
      await store.saveReclaimScan({
        asOf: '2026-11-30T09:00:00.000Z',
        inactiveDays: 90,
        inactiveUnknown: null,
        candidates: [candidate('a', E3.toUpperCase(), 'disabled'), candidate('b', E3, 'disabled'), candidate('c', E3, 'inactive')],
      });

      const figures = (await service().figures()).figures;

      assert.deepEqual(figures.find((sku) => sku.skuId === E3)?.reclaimable, { asOf: '2026-11-30T09:00:00.000Z', inactiveDays: 90, inactiveUnknown: null, disabled: 2, inactive: 1 });
      assert.deepEqual(
        { disabled: figures.find((sku) => sku.skuId === E5)?.reclaimable?.disabled, inactive: figures.find((sku) => sku.skuId === E5)?.reclaimable?.inactive },
        { disabled: 0, inactive: 0 },
      );
    });

    it('makes inactive null on every SKU when the scan could not read sign-ins', async () => {
      const inactiveUnknown = { reason: 'premium-license' as const, detail: 'The tenant has no Entra ID P1 or P2.' };
      await store.saveReclaimScan({ asOf: '2026-11-30T09:00:00.000Z', inactiveDays: 90, inactiveUnknown, candidates: [candidate('a', E3, 'disabled')] });

      const figures = (await service().figures()).figures;

      assert.ok(figures.every((sku) => sku.reclaimable?.inactive === null));
      assert.equal(figures.find((sku) => sku.skuId === E3)?.reclaimable?.disabled, 1);
      assert.deepEqual(figures.find((sku) => sku.skuId === E5)?.reclaimable?.inactiveUnknown, inactiveUnknown);
    });

    it('reads the scan with holds and mutes, once per adjustmentsTtlMs, and reuses the frozen figures while it is the same', async () => {
      await store.saveReclaimScan({ asOf: '2026-11-30T09:00:00.000Z', inactiveDays: 90, inactiveUnknown: null, candidates: [candidate('a', E3, 'disabled')] });
      const licenses = service(1000);

      const first = await licenses.figures();
      const second = await licenses.figures();
      assert.equal(reads(), 1, 'one read within the TTL');
      clock += 1000;
      const third = await licenses.figures();

      assert.equal(reads(), 2);
      assert.equal(second.figures, first.figures);
      assert.equal(third.figures, first.figures, 'the same scan read again gives the same figures object');
      assert.ok(Object.isFrozen(first.figures.find((sku) => sku.skuId === E3)?.reclaimable));
    });

    it('shows a new scan after adjustmentsTtlMs', async () => {
      await store.saveReclaimScan({ asOf: '2026-11-30T09:00:00.000Z', inactiveDays: 90, inactiveUnknown: null, candidates: [candidate('a', E3, 'disabled')] });
      const licenses = service(1000);
      await licenses.figures();
      await store.saveReclaimScan({
        asOf: '2026-11-30T11:00:00.000Z',
        inactiveDays: 90,
        inactiveUnknown: null,
        candidates: [candidate('a', E3, 'disabled'), candidate('b', E3, 'disabled')],
      });

      const within = await licenses.figures();
      clock += 1000;
      const after = await licenses.figures();

      assert.equal(within.figures.find((sku) => sku.skuId === E3)?.reclaimable?.disabled, 1);
      assert.equal(after.figures.find((sku) => sku.skuId === E3)?.reclaimable?.disabled, 2);
      assert.equal(after.figures.find((sku) => sku.skuId === E3)?.reclaimable?.asOf, '2026-11-30T11:00:00.000Z');
    });
  });
}
