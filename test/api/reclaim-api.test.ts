import assert from 'node:assert/strict';
import { CONTOSO_IDS } from '../../src/demo-tenant/contoso-tenant';
import type { ReclaimScan } from '../../src/reclaim/reclaim-scan';
import { startHarness, type Harness } from '../support/headroom-harness';
import { requirePostgres, type TestDatabase } from '../support/postgres';

const API_KEY = 'reclaim-key-0123456789abcdef0123456789abcdef';

interface ReclaimBody {
  asOf: string;
  inactiveDays: number;
  inactiveUnknown: { reason: string; detail: string } | null;
  candidates: Record<string, unknown>[];
}

function describeOn(database: 'SQLite' | 'PostgreSQL'): void {
  describe(`GET /api/v1/reclaim (${database})`, () => {
    let harness: Harness;
    let testDatabase: TestDatabase | undefined;

    before(async function () {
      const env: Record<string, string> = { HEADROOM_API_KEY: API_KEY };
      if (database === 'PostgreSQL') {
        testDatabase = await requirePostgres(this);
        env.DATABASE_URL = testDatabase.url;
      }
      harness = await startHarness(env);
    });
    after(async () => {
      await harness?.stop();
      await testDatabase?.drop();
    });

    const get = (query = '', key: string | null = API_KEY): Promise<Response> =>
      fetch(`${harness.headroom.url}/api/v1/reclaim${query}`, { headers: key === null ? {} : { authorization: `Bearer ${key}` } });

    function skuId(partNumber: string): string {
      const sku = harness.graph.tenant.findSku(partNumber);
      assert.ok(sku, `the demo tenant has ${partNumber}`);
      return sku.skuId;
    }

    function scan(): ReclaimScan {
      return {
        asOf: '2026-11-30T15:00:00.000Z',
        inactiveDays: 60,
        inactiveUnknown: null,
        candidates: [
          { userId: 'u-1', userPrincipalName: 'quentin.leaver@contoso.example', displayName: 'Quentin Leaver', skuId: skuId('SPE_E3'), reason: 'disabled', lastSignIn: '2026-04-01T09:00:00.000Z', assignedBy: 'direct' },
          { userId: 'u-2', userPrincipalName: 'ursula.gone@contoso.example', displayName: 'Ursula Gone', skuId: skuId('SPE_E3'), reason: 'inactive', lastSignIn: null, assignedBy: { groupId: CONTOSO_IDS.approverGroupId, displayName: 'Sales Bundle' } },
          { userId: 'u-1', userPrincipalName: 'quentin.leaver@contoso.example', displayName: 'Quentin Leaver', skuId: skuId('POWER_BI_PRO'), reason: 'disabled', lastSignIn: '2026-04-01T09:00:00.000Z', assignedBy: 'direct' },
        ],
      };
    }

    it('answers 401 without the key or with a wrong one', async () => {
      assert.equal((await get('', null)).status, 401);
      assert.equal((await get('', `${API_KEY}x`)).status, 401);
    });

    it('answers 503 with a clear error before the first scan, not an empty list', async () => {
      const response = await get();
      const body = (await response.json()) as { error: string; candidates?: unknown };

      assert.equal(response.status, 503);
      assert.match(body.error, /No reclaim scan has finished yet/);
      assert.equal(body.candidates, undefined);
    });

    it('answers 400 for a malformed sku and 404 for one the tenant lacks', async () => {
      for (const bad of ['?sku=', '?sku=SPE%20E3', '?sku=%00', `?sku=${'x'.repeat(200)}`, '?sku=SPE_E3&sku=POWER_BI_PRO']) {
        const response = await get(bad);
        assert.equal(response.status, 400, bad);
        assert.match(((await response.json()) as { error: string }).error, /sku must be/);
      }
      for (const unknown of ['?sku=NOT_A_SKU', '?sku=00000000-0000-4000-8000-000000000000']) {
        const response = await get(unknown);
        assert.equal(response.status, 404, unknown);
        assert.match(((await response.json()) as { error: string }).error, /No SKU with id or part number/);
      }
    });

    describe('with a stored scan', () => {
      before(async () => {
        await harness.headroom.store.saveReclaimScan(scan());
      });

      it('returns the scan: its time, the inactive rule and every candidate in the documented shape', async () => {
        const response = await get();
        const body = (await response.json()) as ReclaimBody;

        assert.equal(response.status, 200);
        assert.equal(body.asOf, '2026-11-30T15:00:00.000Z');
        assert.equal(body.inactiveDays, 60);
        assert.equal(body.inactiveUnknown, null);
        assert.equal(body.candidates.length, 3);
        assert.deepEqual(
          body.candidates.find((candidate) => candidate.userId === 'u-2'),
          {
            userId: 'u-2',
            userPrincipalName: 'ursula.gone@contoso.example',
            displayName: 'Ursula Gone',
            skuId: skuId('SPE_E3'),
            skuPartNumber: 'SPE_E3',
            reason: 'inactive',
            lastSignIn: null,
            assignedBy: { groupId: CONTOSO_IDS.approverGroupId, displayName: 'Sales Bundle' },
          },
        );
        assert.deepEqual(
          body.candidates.filter((candidate) => candidate.skuPartNumber === 'POWER_BI_PRO').map((candidate) => [candidate.userId, candidate.reason, candidate.assignedBy]),
          [['u-1', 'disabled', 'direct']],
        );
      });

      it('filters by part number or SKU id, in any case', async () => {
        for (const sku of ['SPE_E3', 'spe_e3', skuId('SPE_E3'), skuId('SPE_E3').toUpperCase()]) {
          const body = (await (await get(`?sku=${encodeURIComponent(sku)}`)).json()) as ReclaimBody;
          assert.deepEqual(body.candidates.map((candidate) => candidate.userId).sort(), ['u-1', 'u-2'], sku);
          assert.ok(body.candidates.every((candidate) => candidate.skuPartNumber === 'SPE_E3'));
        }
      });

      it('answers a SKU nobody can give back with an empty list', async () => {
        const response = await get('?sku=VISIOCLIENT');
        assert.equal(response.status, 200);
        assert.deepEqual(((await response.json()) as ReclaimBody).candidates, []);
      });

      it('gives a SKU the tenant no longer has no part number (null), and still lists it', async () => {
        const gone = '11111111-2222-4333-8444-555555555555';
        const [first] = scan().candidates;
        assert.ok(first);
        await harness.headroom.store.saveReclaimScan({ ...scan(), candidates: [{ ...first, skuId: gone }] });

        const body = (await (await get()).json()) as ReclaimBody;

        assert.deepEqual(body.candidates.map((candidate) => [candidate.skuId, candidate.skuPartNumber]), [[gone, null]]);
        assert.equal((await get(`?sku=${gone}`)).status, 404);
      });

      it('says when inactive accounts are unknown', async () => {
        await harness.headroom.store.saveReclaimScan({ ...scan(), inactiveUnknown: { reason: 'premium-license', detail: 'The tenant has no Entra ID P1 or P2.' }, candidates: scan().candidates.filter((candidate) => candidate.reason === 'disabled') });

        const body = (await (await get()).json()) as ReclaimBody;

        assert.deepEqual(body.inactiveUnknown, { reason: 'premium-license', detail: 'The tenant has no Entra ID P1 or P2.' });
        assert.ok(body.candidates.every((candidate) => candidate.reason === 'disabled'));
      });
    });
  });
}

describeOn('SQLite');
describeOn('PostgreSQL');
