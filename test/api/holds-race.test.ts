import assert from 'node:assert/strict';
import { startHarness, type Harness } from '../support/headroom-harness';
import { holdsClient, type ApiAnswer, type ApiClient } from '../support/holds-client';
import { requirePostgres, type TestDatabase } from '../support/postgres';

const API_KEY = 'race-key-0123456789abcdef0123456789abcdef';
const CALLERS = 10;

/** Leaves exactly `seats` Visio Plan 2 seats available in a demo tenant. */
function leaveVisioSeats(harness: Harness, seats: number): void {
  const visio = harness.graph.tenant.findSku('VISIOCLIENT');
  assert.ok(visio, 'the demo tenant has Visio Plan 2');
  harness.graph.tenant.updateSku('VISIOCLIENT', { consumedUnits: visio.prepaidUnits.enabled - seats });
}

/** Fires every caller's POST at once, each for one Visio seat, and waits for all answers. */
function raceForVisio(clients: readonly ApiClient[]): Promise<ApiAnswer[]> {
  return Promise.all(
    Array.from({ length: CALLERS }, (_, caller) =>
      (clients[caller % clients.length] as ApiClient).postHold({ sku: 'VISIOCLIENT', quantity: 1, reason: `caller ${caller}` }),
    ),
  );
}

function statuses(answers: readonly ApiAnswer[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const answer of answers) {
    counts[answer.status] = (counts[answer.status] ?? 0) + 1;
  }
  return counts;
}

describe('concurrent seat holds against a SQLite file store', () => {
  let harness: Harness;
  let api: ApiClient;

  before(async () => {
    // A long cache: a hold must still read Graph fresh, or the stale "7 left" below would let seven win.
    harness = await startHarness({ HEADROOM_API_KEY: API_KEY, LICENSE_CACHE_SECONDS: '3600' });
    api = holdsClient(harness.headroom.url, API_KEY);
  });
  after(async () => {
    await harness.stop();
  });
  afterEach(async () => {
    for (const hold of await harness.headroom.store.listActiveHolds(new Date().toISOString())) {
      await harness.headroom.store.releaseHold(hold.id, new Date().toISOString());
    }
  });

  it('gives the last seat to exactly one of 10 simultaneous callers and answers 409 to the other nine', async () => {
    await api.licenses();
    leaveVisioSeats(harness, 1);

    const answers = await raceForVisio([api]);

    assert.deepEqual(statuses(answers), { 201: 1, 409: 9 });
    assert.ok(answers.filter((answer) => answer.status === 409).every((answer) => answer.body?.available === 1 && answer.body.held === 1));
    const holds = await harness.headroom.store.listActiveHolds(new Date().toISOString());
    assert.deepEqual(holds.map((hold) => hold.quantity), [1]);
  });

  it('gives 3 seats to exactly 3 of 10 simultaneous callers', async () => {
    leaveVisioSeats(harness, 3);

    const answers = await raceForVisio([api]);

    assert.deepEqual(statuses(answers), { 201: 3, 409: 7 });
    const after = answers.filter((answer) => answer.status === 201).map((answer) => answer.body?.availableAfter);
    assert.deepEqual([...after].sort(), [0, 1, 2]);
  });
});

describe('concurrent seat holds across two Headroom instances sharing PostgreSQL', () => {
  let database: TestDatabase | undefined;
  let instances: Harness[] = [];
  let clients: ApiClient[] = [];

  before(async function () {
    this.timeout(20_000);
    database = await requirePostgres(this);
    // One instance first, so it migrates the schema alone; the second finds it ready.
    const first = await startHarness({ HEADROOM_API_KEY: API_KEY, DATABASE_URL: database.url });
    const second = await startHarness({ HEADROOM_API_KEY: API_KEY, DATABASE_URL: database.url });
    instances = [first, second];
    clients = instances.map((instance) => holdsClient(instance.headroom.url, API_KEY));
  });
  after(async () => {
    for (const instance of instances) {
      await instance.stop();
    }
    await database?.drop();
  });

  it('gives the last seat to exactly one of 10 callers spread over both instances', async () => {
    for (const instance of instances) {
      leaveVisioSeats(instance, 1);
    }

    const answers = await raceForVisio(clients);

    assert.deepEqual(statuses(answers), { 201: 1, 409: 9 });
    const listed = await Promise.all(clients.map(async (client) => ((await client.listHolds()).body?.holds as unknown[]).length));
    assert.deepEqual(listed, [1, 1]);
  });
});
