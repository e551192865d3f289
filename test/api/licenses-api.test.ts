import assert from 'node:assert/strict';
import { startHarness, type Harness } from '../support/headroom-harness';

const API_KEY = 'test-key-0123456789abcdef0123456789abcdef';

interface LicensesBody {
  asOf: string;
  tenant: { id: string; displayName: string };
  skus: Record<string, unknown>[];
}

describe('GET /api/v1/licenses', () => {
  let harness: Harness;

  before(async () => {
    harness = await startHarness({ HEADROOM_API_KEY: API_KEY });
  });
  after(async () => {
    await harness.stop();
  });

  const get = (headers: Record<string, string> = {}): Promise<Response> =>
    fetch(`${harness.headroom.url}/api/v1/licenses`, { headers });

  it('answers 401 without a key', async () => {
    const response = await get();
    assert.equal(response.status, 401);
    assert.match(((await response.json()) as { error: string }).error, /API key/);
  });

  it('answers 401 with a wrong key, including a prefix of the right one', async () => {
    for (const key of ['nope', API_KEY.slice(0, -1), `${API_KEY}x`]) {
      const response = await get({ authorization: `Bearer ${key}` });
      assert.equal(response.status, 401, key);
    }
  });

  it('returns every SKU with the figures ARCHITECTURE.md defines', async () => {
    const response = await get({ authorization: `Bearer ${API_KEY}` });
    assert.equal(response.status, 200);
    const body = (await response.json()) as LicensesBody;
    assert.equal(body.tenant.id, harness.graph.tenant.tenantId);
    assert.ok(!Number.isNaN(Date.parse(body.asOf)));
    assert.equal(body.skus.length, harness.graph.tenant.skus.length);
    for (const sku of harness.graph.tenant.skus) {
      const row = body.skus.find((entry) => entry.skuId === sku.skuId);
      assert.ok(row, `lists ${sku.skuPartNumber}`);
      const waiting = new Set(harness.graph.tenant.waitingUserIds(sku.skuId)).size;
      const available = sku.prepaidUnits.enabled - sku.consumedUnits;
      assert.deepEqual(
        [row.purchased, row.expiring, row.suspended, row.lockedOut, row.assigned, row.available, row.waiting, row.shortfall, row.held],
        [sku.prepaidUnits.enabled, sku.prepaidUnits.warning, sku.prepaidUnits.suspended, sku.prepaidUnits.lockedOut, sku.consumedUnits, available, waiting, Math.max(0, waiting - available), 0],
        sku.skuPartNumber,
      );
      assert.equal(typeof row.displayName, 'string');
      assert.equal(typeof row.hidden, 'boolean');
    }
  });

  it('marks company-level and free SKUs hidden', async () => {
    const body = (await (await get({ authorization: `Bearer ${API_KEY}` })).json()) as LicensesBody;
    const hidden = new Map(body.skus.map((row) => [row.skuPartNumber, row.hidden]));
    assert.equal(hidden.get('WINDOWS_STORE'), true);
    assert.equal(hidden.get('FLOW_FREE'), true);
    assert.equal(hidden.get('SPE_E3'), false);
  });
});

describe('the /api/v1 surface without HEADROOM_API_KEY', () => {
  let harness: Harness;

  before(async () => {
    harness = await startHarness();
  });
  after(async () => {
    await harness.stop();
  });

  it('answers 404 even with a bearer token', async () => {
    const response = await fetch(`${harness.headroom.url}/api/v1/licenses`, { headers: { authorization: 'Bearer anything' } });
    assert.equal(response.status, 404);
  });

  it('reports health with Graph reachability, data age and version', async () => {
    await harness.ask('licenses');
    const response = await fetch(`${harness.headroom.url}/healthz`);
    assert.equal(response.status, 200);
    const body = (await response.json()) as { version: string; graph: { graphReachable: boolean; dataAgeSeconds: number } };
    assert.match(body.version, /^\d+\.\d+\.\d+/);
    assert.equal(body.graph.graphReachable, true);
    assert.equal(typeof body.graph.dataAgeSeconds, 'number');
  });
});
