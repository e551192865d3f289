import assert from 'node:assert/strict';
import { CONTOSO_IDS } from '../../src/demo-tenant/contoso-tenant';
import type { ConnectorCall } from '../support/local-connector';
import { cardText } from '../support/card-text';
import { startHarness, type Harness } from '../support/headroom-harness';
import { calmContoso, watchChannel } from '../support/watched-channel';

/** Microsoft 365 E3 in Contoso: 500 purchased, so the default 5% threshold is 25 and recovery needs 28. */
const E3 = 'SPE_E3';

function cardOf(call: ConnectorCall): Record<string, unknown> {
  const attachments = call.body.attachments as { content: Record<string, unknown> }[];
  return attachments[0].content;
}

describe('Watcher', function () {
  this.timeout(10_000);
  let harness: Harness;
  let clock: Date;
  let place: string;

  beforeEach(async () => {
    clock = new Date();
    harness = await startHarness({ RESERVATION_SUGGESTIONS: 'off' }, { now: () => clock });
    calmContoso(harness.graph.tenant);
    place = await watchChannel(harness.headroom.store, harness.connector.url);
  });

  afterEach(async () => {
    await harness.stop();
  });

  it('posts one warning when a SKU drops below its threshold and nothing on unchanged ticks', async () => {
    const calm = await harness.headroom.watcher.tickOnce();
    harness.graph.tenant.updateSku(E3, { consumedUnits: 490 });

    const warned = await harness.headroom.watcher.tickOnce();
    await harness.headroom.watcher.tickOnce();
    await harness.headroom.watcher.tickOnce();

    assert.deepEqual(calm.transitions, []);
    assert.deepEqual(warned.transitions.map((t) => `${t.figures.skuPartNumber} ${t.condition} ${t.kind}`), ['SPE_E3 low new']);
    const sent = harness.connector.sent();
    assert.equal(sent.length, 1);
    assert.equal(sent[0].conversationId, place);
    const text = cardText(cardOf(sent[0]));
    assert.match(text, /Microsoft 365 E3/);
    assert.match(text, /Below its threshold: 10 seats available, threshold 25/);
  });

  it('asks Graph for a fresh snapshot at low throttle priority', async () => {
    await harness.headroom.watcher.tickOnce();

    assert.equal(harness.graph.stats.headersSeen['x-ms-throttle-priority'], 'low');
  });

  it('puts every transition of one tick into one digest per watched place', async () => {
    const second = await watchChannel(harness.headroom.store, harness.connector.url, '19:second@thread.tacv2');
    await harness.headroom.watcher.tickOnce();
    harness.graph.tenant.updateSku(E3, { consumedUnits: 490 });
    harness.graph.tenant.updateSku('VISIOCLIENT', { consumedUnits: 25 });

    await harness.headroom.watcher.tickOnce();

    const sent = harness.connector.sent();
    assert.deepEqual(sent.map((call) => call.conversationId).sort(), [place, second].sort());
    for (const call of sent) {
      const text = cardText(cardOf(call));
      assert.match(text, /Microsoft 365 E3/);
      assert.match(text, /Visio/);
      assert.match(text, /Out of seats/);
      assert.match(String(call.body.summary), /License warnings/);
    }
  });

  it('shows the groups whose users wait and the run-out forecast from stored history', async () => {
    const day = 24 * 60 * 60 * 1000;
    const now = clock.getTime();
    const e3 = harness.graph.tenant.skus.find((sku) => sku.skuPartNumber === E3);
    assert.ok(e3);
    for (const [daysAgo, assigned] of [[6, 430], [4, 450], [2, 470]] as const) {
      await harness.headroom.store.recordSnapshot(new Date(now - daysAgo * day).toISOString(), [
        { skuId: e3.skuId, purchased: 500, assigned, available: 500 - assigned, waiting: 0 },
      ]);
    }
    harness.graph.tenant.updateSku(E3, { consumedUnits: 490 });
    harness.graph.tenant.addWaitingUser(CONTOSO_IDS.contractorsGroupId, e3.skuId);

    await harness.headroom.watcher.tickOnce();

    const text = cardText(cardOf(harness.connector.sent()[0]));
    assert.match(text, /Contractors/);
    assert.match(text, /at the current rate, Microsoft 365 E3 runs out in about \d+ days? \(around \d+ \w+/);
  });

  it('sends one resolved notice only once the SKU is back above its threshold plus hysteresis', async () => {
    await harness.headroom.watcher.tickOnce();
    harness.graph.tenant.updateSku(E3, { consumedUnits: 490 });
    await harness.headroom.watcher.tickOnce();

    harness.graph.tenant.updateSku(E3, { consumedUnits: 474 });
    const atThreshold = await harness.headroom.watcher.tickOnce();
    harness.graph.tenant.updateSku(E3, { consumedUnits: 472 });
    const recovered = await harness.headroom.watcher.tickOnce();
    await harness.headroom.watcher.tickOnce();

    assert.deepEqual(atThreshold.transitions, []);
    assert.deepEqual(recovered.transitions.map((t) => `${t.condition} ${t.kind}`), ['low resolved']);
    const sent = harness.connector.sent();
    assert.equal(sent.length, 2);
    assert.match(cardText(cardOf(sent[1])), /Back above its threshold: 28 available, threshold 25/);
    assert.match(String(sent[1].body.summary), /Licenses recovered/);
  });

  it('reminds once REMIND_HOURS have passed while the SKU stays low', async () => {
    harness.graph.tenant.updateSku(E3, { consumedUnits: 490 });
    await harness.headroom.watcher.tickOnce();
    clock = new Date(clock.getTime() + 23 * 60 * 60 * 1000);
    await harness.headroom.watcher.tickOnce();
    clock = new Date(clock.getTime() + 60 * 60 * 1000);

    const reminded = await harness.headroom.watcher.tickOnce();

    assert.deepEqual(reminded.transitions.map((t) => `${t.condition} ${t.kind}`), ['low reminder']);
    const sent = harness.connector.sent();
    assert.equal(sent.length, 2);
    assert.match(cardText(cardOf(sent[1])), /Still/);
  });

  it('logs a failing tick, reports it on /healthz and runs the next one', async () => {
    await harness.headroom.watcher.tickOnce();
    harness.graph.faults.inject({ status: 500, times: 20 });

    const failed = await harness.headroom.watcher.tickOnce();
    const unhealthy = (await (await fetch(`${harness.headroom.url}/healthz`)).json()) as { watcher: Record<string, unknown> };
    harness.graph.faults.clear();
    harness.graph.tenant.updateSku(E3, { consumedUnits: 490 });
    const next = await harness.headroom.watcher.tickOnce();
    const healthy = (await (await fetch(`${harness.headroom.url}/healthz`)).json()) as { watcher: Record<string, unknown> };

    assert.notEqual(failed.error, null);
    assert.ok(harness.logLines.some((line) => line.msg === 'watcher tick failed; the next tick will try again'));
    assert.equal(typeof unhealthy.watcher.lastError, 'string');
    assert.equal(next.error, null);
    assert.equal(next.transitions.length, 1);
    assert.equal(healthy.watcher.lastError, null);
    assert.equal(healthy.watcher.leader, true);
    assert.equal(healthy.watcher.lastSuccessAt, clock.toISOString());
  });

  it('runs tick hooks after the alert commit and survives a failing one', async () => {
    const seen: number[] = [];
    harness.headroom.watcher.addHook(async () => {
      throw new Error('hook broke');
    });
    harness.headroom.watcher.addHook(async (context) => {
      seen.push((await harness.headroom.store.listAlertStates()).length, context.figures.length);
    });
    harness.graph.tenant.updateSku(E3, { consumedUnits: 490 });

    const result = await harness.headroom.watcher.tickOnce();

    assert.equal(result.error, null);
    assert.deepEqual(seen, [1, harness.graph.tenant.skus.length]);
    assert.ok(harness.logLines.some((line) => line.msg === 'a watcher tick hook failed'));
  });

  it('runs pre-tick hooks before the figures are read, so what they change counts in the same tick', async () => {
    harness.headroom.watcher.addPreHook(async () => {
      throw new Error('pre-hook broke');
    });
    harness.headroom.watcher.addPreHook(async () => {
      harness.graph.tenant.updateSku(E3, { consumedUnits: 490 });
    });
    const assignedSeen: number[] = [];
    harness.headroom.watcher.addHook(async (context) => {
      assignedSeen.push(context.figures.find((sku) => sku.skuPartNumber === E3)?.assigned ?? -1);
    });

    const result = await harness.headroom.watcher.tickOnce();

    assert.equal(result.error, null);
    assert.deepEqual(assignedSeen, [490]);
    assert.ok(harness.logLines.some((line) => line.msg === 'a watcher pre-tick hook failed'));
  });

  it('does nothing on an instance that does not hold the watcher lease', async () => {
    await harness.headroom.store.tryAcquireLease('watcher', 'another-instance', 60_000, clock.toISOString());
    harness.graph.tenant.updateSku(E3, { consumedUnits: 490 });

    const result = await harness.headroom.watcher.tickOnce();

    assert.equal(result.leader, false);
    assert.equal(harness.headroom.watcher.status().leader, false);
    assert.deepEqual(await harness.headroom.store.listAlertStates(), []);
  });
});
