import assert from 'node:assert/strict';
import { CONTOSO_IDS } from '../../src/demo-tenant/contoso-tenant';
import { startHarness, type Harness } from '../support/headroom-harness';
import { holdsClient, type ApiClient } from '../support/holds-client';

const API_KEY = 'holds-key-0123456789abcdef0123456789abcdef';
const START = Date.parse('2025-05-01T09:00:00.000Z');
const DAY_MS = 24 * 60 * 60 * 1000;

interface HoldRow {
  id: string;
  sku: string | null;
  skuId: string;
  displayName: string | null;
  quantity: number;
  reason: string;
  createdAt: string;
  expiresAt: string;
}

describe('the seat-hold API', () => {
  let harness: Harness;
  let api: ApiClient;
  let clock = START;

  function available(partNumber: string): number {
    const sku = harness.graph.tenant.findSku(partNumber);
    assert.ok(sku, `the demo tenant has ${partNumber}`);
    return sku.prepaidUnits.enabled - sku.consumedUnits;
  }

  async function heldPerLicensesApi(partNumber: string): Promise<unknown> {
    const answer = await api.licenses();
    const skus = answer.body?.skus as { skuPartNumber: string; held: number; available: number }[];
    return skus.find((sku) => sku.skuPartNumber === partNumber)?.held;
  }

  async function activeHolds(): Promise<HoldRow[]> {
    const answer = await api.listHolds();
    assert.equal(answer.status, 200);
    return answer.body?.holds as HoldRow[];
  }

  before(async () => {
    harness = await startHarness({ HEADROOM_API_KEY: API_KEY, LICENSE_CACHE_SECONDS: '3600' }, { now: () => new Date(clock) });
    api = holdsClient(harness.headroom.url, API_KEY);
  });
  after(async () => {
    await harness.stop();
  });
  afterEach(() => {
    // Every hold lasts at most a day: two days later the next test starts with none.
    clock += 2 * DAY_MS;
    harness.graph.faults.clear();
    harness.graph.tenant.updateSku('VISIOCLIENT', { consumedUnits: 18 });
  });

  it('takes a hold and answers 201 with its id, SKU, quantity, expiry and the seats left unheld', async () => {
    const before = available('SPE_E3');

    const answer = await api.postHold({ sku: 'SPE_E3', quantity: 2, ttlSeconds: 600, reason: 'onboarding batch 7' });

    assert.equal(answer.status, 201);
    const body = answer.body ?? {};
    assert.deepEqual(Object.keys(body).sort(), ['availableAfter', 'expiresAt', 'id', 'quantity', 'sku', 'skuId']);
    assert.equal(body.sku, 'SPE_E3');
    assert.equal(body.skuId, CONTOSO_IDS.skus.SPE_E3);
    assert.equal(body.quantity, 2);
    assert.equal(body.expiresAt, new Date(clock + 600_000).toISOString());
    assert.equal(body.availableAfter, before - 2);
    assert.equal(answer.headers.get('location'), `/api/v1/holds/${String(body.id)}`);
  });

  it('holds for 900 seconds when no ttlSeconds is given', async () => {
    const answer = await api.postHold({ sku: 'SPE_E3', quantity: 1 });

    assert.equal(answer.status, 201);
    assert.equal(answer.body?.expiresAt, new Date(clock + 900_000).toISOString());
  });

  it('finds the SKU by GUID, by part number in any case and by display name', async () => {
    const names = [CONTOSO_IDS.skus.VISIOCLIENT, 'visioclient', 'Visio Plan 2'];

    const answers = [];
    for (const sku of names) {
      answers.push(await api.postHold({ sku, quantity: 1 }));
    }

    assert.deepEqual(answers.map((answer) => [answer.status, answer.body?.skuId]), names.map(() => [201, CONTOSO_IDS.skus.VISIOCLIENT]));
  });

  it('counts earlier holds and answers 409 with available and held when the seats do not fit', async () => {
    const seats = available('SPE_E3');
    assert.ok(seats >= 2, 'the demo tenant has a few E3 seats left');
    const first = await api.postHold({ sku: 'SPE_E3', quantity: seats - 1 });

    const refused = await api.postHold({ sku: 'SPE_E3', quantity: 2 });
    const last = await api.postHold({ sku: 'SPE_E3', quantity: 1 });

    assert.equal(first.status, 201);
    assert.equal(refused.status, 409);
    assert.deepEqual(Object.keys(refused.body ?? {}).sort(), ['available', 'error', 'held']);
    assert.equal(refused.body?.available, seats);
    assert.equal(refused.body?.held, seats - 1);
    assert.match(String(refused.body?.error), /Not enough unheld seats of SPE_E3: asked for 2, 1 unheld/);
    assert.equal(last.status, 201);
    assert.equal(last.body?.availableAfter, 0);
  });

  it('takes no hold when it answers 409', async () => {
    const seats = available('SPE_E3');

    const refused = await api.postHold({ sku: 'SPE_E3', quantity: seats + 1 });

    assert.equal(refused.status, 409);
    assert.deepEqual(await activeHolds(), []);
  });

  it('refuses any hold on an over-assigned SKU', async () => {
    assert.ok(available('POWER_BI_PRO') < 0, 'the demo tenant over-assigns Power BI Pro');

    const answer = await api.postHold({ sku: 'POWER_BI_PRO', quantity: 1 });

    assert.equal(answer.status, 409);
    assert.equal(answer.body?.available, available('POWER_BI_PRO'));
    assert.equal(answer.body?.held, 0);
  });

  it('checks against Graph as it is now, not as it was at the last answer', async () => {
    await api.licenses();
    harness.graph.tenant.updateSku('VISIOCLIENT', { consumedUnits: 25 });

    const answer = await api.postHold({ sku: 'VISIOCLIENT', quantity: 1 });

    assert.equal(answer.status, 409);
    assert.equal(answer.body?.available, 0);
  });

  it('answers 503 and holds nothing when Graph cannot be read, rather than trusting old figures', async () => {
    await api.licenses();
    harness.graph.faults.inject({ status: 503, times: 50, pathIncludes: 'subscribedSkus' });

    const answer = await api.postHold({ sku: 'SPE_E3', quantity: 1 });

    assert.equal(answer.status, 503);
    assert.match(String(answer.body?.error), /no hold was taken/);
    harness.graph.faults.clear();
    assert.deepEqual(await activeHolds(), []);
  });

  it('lists active holds oldest first, with SKU names, quantity, reason and times', async () => {
    const e3 = await api.postHold({ sku: 'SPE_E3', quantity: 2, reason: 'new hires' });
    clock += 1000;
    const visio = await api.postHold({ sku: 'VISIOCLIENT', quantity: 1, ttlSeconds: 60 });

    const holds = await activeHolds();

    assert.deepEqual(holds, [
      {
        id: e3.body?.id,
        skuId: CONTOSO_IDS.skus.SPE_E3,
        sku: 'SPE_E3',
        displayName: 'Microsoft 365 E3',
        quantity: 2,
        reason: 'new hires',
        createdAt: new Date(clock - 1000).toISOString(),
        expiresAt: new Date(clock - 1000 + 900_000).toISOString(),
      },
      {
        id: visio.body?.id,
        skuId: CONTOSO_IDS.skus.VISIOCLIENT,
        sku: 'VISIOCLIENT',
        displayName: 'Visio Plan 2',
        quantity: 1,
        reason: 'No reason given',
        createdAt: new Date(clock).toISOString(),
        expiresAt: new Date(clock + 60_000).toISOString(),
      },
    ]);
  });

  it('reports held seats per SKU in /api/v1/licenses while available stays Graph\'s figure', async () => {
    await api.postHold({ sku: 'VISIOCLIENT', quantity: 2 });
    await api.postHold({ sku: 'VISIOCLIENT', quantity: 1 });

    const answer = await api.licenses();

    const visio = (answer.body?.skus as { skuPartNumber: string; held: number; available: number }[]).find((sku) => sku.skuPartNumber === 'VISIOCLIENT');
    assert.equal(visio?.held, 3);
    assert.equal(visio?.available, available('VISIOCLIENT'));
    assert.equal(await heldPerLicensesApi('SPE_E3'), 0);
  });

  it('releases a hold with DELETE: 204, and its seats are free again', async () => {
    const seats = available('VISIOCLIENT');
    const taken = await api.postHold({ sku: 'VISIOCLIENT', quantity: seats });

    const released = await api.releaseHold(String(taken.body?.id));
    const again = await api.postHold({ sku: 'VISIOCLIENT', quantity: seats });

    assert.equal(released.status, 204);
    assert.equal(released.body, null);
    assert.equal(again.status, 201);
  });

  it('answers 404 to releasing a hold twice, an unknown id, or an expired hold', async () => {
    const taken = await api.postHold({ sku: 'VISIOCLIENT', quantity: 1, ttlSeconds: 30 });
    const expiring = await api.postHold({ sku: 'VISIOCLIENT', quantity: 1, ttlSeconds: 10 });
    await api.releaseHold(String(taken.body?.id));
    clock += 10_000;

    const answers = [
      await api.releaseHold(String(taken.body?.id)),
      await api.releaseHold('00000000-0000-4000-8000-000000000000'),
      await api.releaseHold('not a hold id at all'),
      await api.releaseHold(String(expiring.body?.id)),
    ];

    assert.deepEqual(answers.map((answer) => answer.status), [404, 404, 404, 404]);
    assert.deepEqual(
      answers.map((answer) => /No active hold/.test(String(answer.body?.error))),
      [true, true, false, true],
    );
    assert.match(String(answers[2]?.body?.error), /No such hold: a hold id is the UUID/);
  });

  it('lets a hold expire by itself at expiresAt', async () => {
    const seats = available('VISIOCLIENT');
    await api.postHold({ sku: 'VISIOCLIENT', quantity: seats, ttlSeconds: 60 });
    clock += 59_999;
    const whileHeld = await api.postHold({ sku: 'VISIOCLIENT', quantity: 1 });
    const heldBefore = await heldPerLicensesApi('VISIOCLIENT');
    clock += 1;

    const afterExpiry = await api.postHold({ sku: 'VISIOCLIENT', quantity: seats, ttlSeconds: 60 });

    assert.equal(whileHeld.status, 409);
    assert.equal(heldBefore, seats);
    assert.equal(afterExpiry.status, 201);
    assert.deepEqual((await activeHolds()).map((hold) => hold.id), [afterExpiry.body?.id]);
  });

  it('shows the seats on hold in the chat answer about the product', async () => {
    await api.postHold({ sku: 'VISIOCLIENT', quantity: 3 });

    const { card } = await harness.ask('visio plan 2');

    assert.match(JSON.stringify(card), /3 held by automation/);
  });

  it('answers 401 without a key or with a wrong one, and takes, lists or releases nothing', async () => {
    const taken = await api.postHold({ sku: 'VISIOCLIENT', quantity: 1 });
    const id = String(taken.body?.id);

    const answers = [
      await api.postHold({ sku: 'VISIOCLIENT', quantity: 1 }, { key: null }),
      await api.postHold({ sku: 'VISIOCLIENT', quantity: 1 }, { key: 'wrong-key' }),
      await api.postHold({ sku: 'VISIOCLIENT', quantity: 1 }, { key: API_KEY.slice(0, -1) }),
      await api.listHolds({ key: null }),
      await api.listHolds({ key: `${API_KEY}x` }),
      await api.releaseHold(id, { key: null }),
      await api.releaseHold(id, { key: 'wrong-key' }),
    ];

    assert.deepEqual(answers.map((answer) => answer.status), answers.map(() => 401));
    assert.ok(answers.every((answer) => /API key/.test(String(answer.body?.error))));
    assert.deepEqual((await activeHolds()).map((hold) => hold.id), [id]);
  });
});

describe('the seat-hold API without HEADROOM_API_KEY', () => {
  let harness: Harness;

  before(async () => {
    harness = await startHarness();
  });
  after(async () => {
    await harness.stop();
  });

  it('answers 404 to every holds call, with any bearer token, and takes no hold', async () => {
    const api = holdsClient(harness.headroom.url, 'anything-at-all-0123456789abcdef0123');

    const answers = [await api.postHold({ sku: 'SPE_E3', quantity: 1 }), await api.listHolds(), await api.releaseHold('some-id')];

    assert.deepEqual(answers.map((answer) => answer.status), [404, 404, 404]);
    assert.deepEqual(await harness.headroom.store.listActiveHolds(new Date().toISOString()), []);
  });
});
