import assert from 'node:assert/strict';
import { expectedFigures } from '../support/expected-figures';
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
    const expected = expectedFigures(harness.graph.tenant);
    for (const sku of harness.graph.tenant.skus) {
      const row = body.skus.find((entry) => entry.skuId === sku.skuId);
      assert.ok(row, `lists ${sku.skuPartNumber}`);
      const want = expected.get(sku.skuId);
      assert.ok(want);
      const available = sku.prepaidUnits.enabled - sku.consumedUnits;
      assert.deepEqual(
        [row.status, row.purchased, row.expiring, row.suspended, row.lockedOut, row.assigned, row.available, row.held],
        [sku.capabilityStatus, sku.prepaidUnits.enabled, sku.prepaidUnits.warning, sku.prepaidUnits.suspended, sku.prepaidUnits.lockedOut, sku.consumedUnits, available, 0],
        sku.skuPartNumber,
      );
      assert.deepEqual(
        { overAssigned: row.overAssigned, onExpiringSeats: row.onExpiringSeats, waiting: row.waiting, shortfall: row.shortfall, blocked: row.blocked },
        { overAssigned: want.overAssigned, onExpiringSeats: want.onExpiringSeats, waiting: want.waiting, shortfall: Math.max(0, want.waiting - available), blocked: want.blocked },
        sku.skuPartNumber,
      );
      assert.deepEqual(row.blockedBy, want.blockedBy, `${sku.skuPartNumber} blockedBy`);
      assert.deepEqual(row.otherErrors, want.otherErrors, `${sku.skuPartNumber} otherErrors`);
      assert.equal(typeof row.displayName, 'string');
      assert.equal(typeof row.hidden, 'boolean');
      assert.ok('reclaimable' in row, `${sku.skuPartNumber} has reclaimable (null before the first scan)`);
    }
  });

  it('shows the demo cases: a suspended SKU, users on expiring seats, a product only blocked, errors buying won\'t fix', async () => {
    const body = (await (await get({ authorization: `Bearer ${API_KEY}` })).json()) as LicensesBody;
    const row = (part: string): Record<string, unknown> => {
      const found = body.skus.find((entry) => entry.skuPartNumber === part);
      assert.ok(found, part);
      return found;
    };
    assert.equal(row('ENTERPRISEPREMIUM').status, 'Suspended');
    assert.equal(row('ENTERPRISEPREMIUM').overAssigned, 0, 'users of a suspended subscription are not over-assigned');
    assert.ok((row('Microsoft_365_Copilot').onExpiringSeats as number) > 0);
    assert.equal(row('Microsoft_365_Copilot').overAssigned, 0, 'users on grace-period seats are not over-assigned');
    assert.equal(row('EMSPREMIUM').waiting, 0, 'users blocked on EMS E5 do not wait for it');
    assert.ok((row('EMSPREMIUM').blocked as number) > 0);
    const codes = body.skus.flatMap((entry) => (entry.otherErrors as { error: string }[]).map((error) => error.error));
    assert.ok(codes.includes('ProhibitedInUsageLocationViolation') && codes.includes('MutuallyExclusiveViolation'), codes.join());
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
