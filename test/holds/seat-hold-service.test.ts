import assert from 'node:assert/strict';
import { startDemoGraphServer, type DemoGraphServer } from '../../src/demo-tenant/demo-graph-server';
import { NotFoundError, ValidationError } from '../../src/errors';
import { createGraphAccess } from '../../src/graph/graph-access';
import { NO_REASON, SeatHoldService } from '../../src/holds/seat-hold-service';
import { LicenseService } from '../../src/licenses/license-service';
import { SqliteStore } from '../../src/store/sqlite-store';
import { storeAdjustments } from '../../src/store/store-adjustments';
import { captureLogger } from '../support/capture-logger';

const NOW = new Date('2025-05-01T09:00:00.000Z');

describe('SeatHoldService', () => {
  let graph: DemoGraphServer;
  let store: SqliteStore;
  let holds: SeatHoldService;

  beforeEach(async () => {
    const { logger } = captureLogger();
    graph = await startDemoGraphServer({});
    store = new SqliteStore({ filename: ':memory:' });
    await store.migrate();
    const access = createGraphAccess({ baseUrl: graph.baseUrl, auth: { kind: 'none' }, retry: { baseDelayMs: 1, maxDelayMs: 2 } }, logger);
    const licenses = new LicenseService({ reader: access.licenseReader, cacheSeconds: 60, logger, adjustments: storeAdjustments(store) });
    holds = new SeatHoldService({ licenses, store, now: () => NOW });
  });
  afterEach(async () => {
    await store.close();
    await graph.close();
  });

  it('stores the hold from the clock it was given, with a placeholder reason when none was given', async () => {
    const outcome = await holds.takeHold({ sku: 'SPE_E3', quantity: 1, ttlSeconds: 30, reason: null });

    assert.equal(outcome.ok, true);
    const [stored] = await store.listActiveHolds(NOW.toISOString());
    assert.equal(stored?.createdAt, NOW.toISOString());
    assert.equal(stored?.expiresAt, '2025-05-01T09:00:30.000Z');
    assert.equal(stored?.reason, NO_REASON);
  });

  it('takes the time of the call when one is passed', async () => {
    const later = new Date('2025-06-01T00:00:00.000Z');

    const outcome = await holds.takeHold({ sku: 'SPE_E3', quantity: 1, ttlSeconds: 1, reason: 'x' }, later);

    assert.ok(outcome.ok);
    assert.equal(outcome.expiresAt, '2025-06-01T00:00:01.000Z');
  });

  it('refuses a name that matches several SKUs with a ValidationError naming them', async () => {
    await assert.rejects(holds.takeHold({ sku: 'e3', quantity: 1, ttlSeconds: 60, reason: null }), (error: unknown) => {
      assert.ok(error instanceof ValidationError);
      assert.match(error.message, /Microsoft 365 E3 \(SPE_E3\)/);
      return true;
    });
  });

  it('refuses a name that matches nothing with a NotFoundError', async () => {
    await assert.rejects(holds.takeHold({ sku: 'Contoso Quantum', quantity: 1, ttlSeconds: 60, reason: null }), NotFoundError);
  });

  it('raises NotFoundError when releasing a hold that is not active', async () => {
    await assert.rejects(holds.releaseHold('no-such-hold'), NotFoundError);
  });

  it('lists holds with null names for a SKU the tenant no longer has', async () => {
    await store.tryTakeHold({ skuId: 'gone-sku', quantity: 1, reason: 'old', expiresAt: '2025-05-02T00:00:00.000Z', now: NOW.toISOString(), unheldLimit: 5 });

    const listed = await holds.listActiveHolds();

    assert.deepEqual(listed.map((hold) => [hold.skuId, hold.sku, hold.displayName]), [['gone-sku', null, null]]);
  });
});
