import assert from 'node:assert/strict';
import { startHarness, type Harness } from '../support/headroom-harness';
import { calmContoso, watchChannel } from '../support/watched-channel';

/** Microsoft 365 E3 in Contoso: 500 purchased, default threshold 25. */
const E3 = 'SPE_E3';

// botbuilder's connector client retries a 429 or 5xx three times itself (honouring Retry-After)
// before the outbox sees the failure, so faults are injected four times.
describe('alert delivery through the connector', function () {
  this.timeout(10_000);
  let harness: Harness;
  let clock: Date;

  beforeEach(async () => {
    clock = new Date();
    harness = await startHarness({ RESERVATION_SUGGESTIONS: 'off' }, { now: () => clock });
    calmContoso(harness.graph.tenant);
    await watchChannel(harness.headroom.store, harness.connector.url);
    await harness.headroom.watcher.tickOnce();
    harness.graph.tenant.updateSku(E3, { consumedUnits: 490 });
  });

  afterEach(async () => {
    await harness.stop();
  });

  it('waits for Retry-After when the connector answers 429', async () => {
    harness.connector.failNext(429, { times: 4, retryAfterSeconds: 1 });

    await harness.headroom.watcher.tickOnce();
    const [pending] = await harness.headroom.store.listOutbox({ status: 'pending' });
    const early = await harness.headroom.outbox.runOnce();
    clock = new Date(clock.getTime() + 1_000);
    const due = await harness.headroom.outbox.runOnce();

    assert.equal(pending.nextAttemptAt, clock.toISOString());
    assert.match(pending.lastError ?? '', /HTTP 429/);
    assert.equal(early.sent, 0);
    assert.equal(due.sent, 1);
    assert.equal(harness.connector.sent().length, 1);
  });

  it('backs off and retries when the connector answers 503', async () => {
    harness.connector.failNext(503, { times: 4 });

    await harness.headroom.watcher.tickOnce();
    const [pending] = await harness.headroom.store.listOutbox({ status: 'pending' });
    const early = await harness.headroom.outbox.runOnce();
    clock = new Date(Date.parse(pending.nextAttemptAt));
    const due = await harness.headroom.outbox.runOnce();

    assert.match(pending.lastError ?? '', /HTTP 503/);
    assert.equal(early.sent, 0);
    assert.equal(due.sent, 1);
    assert.equal(harness.connector.sent().length, 1);
  });

  it('gives up on a message the connector refuses with 400', async () => {
    harness.connector.failNext(400);

    await harness.headroom.watcher.tickOnce();

    assert.equal((await harness.headroom.store.listOutbox({ status: 'dead' })).length, 1);
    assert.equal((await harness.headroom.store.listWatchedPlaces())[0].active, true);
  });

  it('marks the place inactive and gives up when the connector answers 403', async () => {
    harness.connector.failNext(403);

    await harness.headroom.watcher.tickOnce();
    harness.graph.tenant.updateSku(E3, { consumedUnits: 500 });
    await harness.headroom.watcher.tickOnce();

    const [watched] = await harness.headroom.store.listWatchedPlaces();
    assert.equal(watched.active, false);
    assert.equal((await harness.headroom.store.listOutbox({ status: 'dead' })).length, 1);
    assert.equal((await harness.headroom.store.listOutbox({ status: 'pending' })).length, 0);
    assert.equal(harness.connector.sent().length, 0);
  });
});
