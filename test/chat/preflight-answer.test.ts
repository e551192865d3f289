import assert from 'node:assert/strict';
import { cardText, cardTexts } from '../support/card-text';
import { startHarness, type Harness } from '../support/headroom-harness';
import { holdsClient, type ApiClient } from '../support/holds-client';

const API_KEY = 'preflight-key-0123456789abcdef0123456789abcdef';

/** The labelled figures of the first product on a pre-flight card: its label column, then its value column. */
function figuresOf(card: Record<string, unknown>): Record<string, string> {
  const texts = cardTexts(card);
  const first = texts.indexOf('Available');
  assert.ok(first >= 0, texts.join(' | '));
  const labels = texts.slice(first, first + 4);
  const values = texts.slice(first + 4, first + 8);
  return Object.fromEntries(labels.map((label, index) => [label, values[index] ?? '']));
}

describe('the chat pre-flight "can I assign N X?"', () => {
  let harness: Harness;
  let api: ApiClient;

  function available(partNumber: string): number {
    const sku = harness.graph.tenant.findSku(partNumber);
    assert.ok(sku, `the demo tenant has ${partNumber}`);
    return sku.prepaidUnits.enabled - sku.consumedUnits;
  }

  before(async () => {
    harness = await startHarness({ HEADROOM_API_KEY: API_KEY });
    api = holdsClient(harness.headroom.url, API_KEY);
  });
  after(async () => {
    await harness.stop();
  });
  afterEach(async () => {
    harness.graph.faults.clear();
    for (const hold of await harness.headroom.store.listActiveHolds(new Date().toISOString())) {
      await harness.headroom.store.releaseHold(hold.id, new Date().toISOString());
    }
  });

  it('answers yes with available, held, unheld and what is left after assigning', async () => {
    const seats = available('VISIOCLIENT');

    const { card, summary } = await harness.ask('can I assign 2 visio?');

    assert.match(cardText(card), /Yes: 2 seats fit/);
    assert.deepEqual(figuresOf(card), {
      Available: String(seats),
      'Seats on hold': '0 held by automation',
      'Unheld (available − held)': String(seats),
      'After assigning 2': `${seats - 2} left`,
    });
    assert.match(summary, new RegExp(`Visio Plan 2: yes, ${seats} unheld \\(${seats} available, 0 held\\), ${seats - 2} left after assigning 2`));
  });

  it('counts seats automation holds and answers no with how many seats are short', async () => {
    const seats = available('VISIOCLIENT');
    const hold = await api.postHold({ sku: 'VISIOCLIENT', quantity: seats - 1 });
    assert.equal(hold.status, 201);

    const { card, summary } = await harness.ask('can I assign 2 visio plan 2?');

    assert.match(cardText(card), /No: 1 seat short/);
    assert.deepEqual(figuresOf(card), {
      Available: String(seats),
      'Seats on hold': `${seats - 1} held by automation`,
      'Unheld (available − held)': '1',
      'After assigning 2': '1 short',
    });
    assert.match(summary, new RegExp(`Visio Plan 2: no, 1 unheld \\(${seats} available, ${seats - 1} held\\), 1 short`));
  });

  it('answers for each matching product: "can I assign 20 E3?"', async () => {
    const m365 = available('SPE_E3');
    const o365 = available('ENTERPRISEPACK');
    assert.ok(m365 < 20 && o365 >= 20, 'the demo tenant has few Microsoft 365 E3 seats and many Office 365 E3 seats');

    const { summary } = await harness.ask('can I assign 20 E3?');

    assert.match(summary, new RegExp(`Microsoft 365 E3: no, ${m365} unheld \\(${m365} available, 0 held\\), ${20 - m365} short`));
    assert.match(summary, new RegExp(`Office 365 E3: yes, ${o365} unheld \\(${o365} available, 0 held\\), ${o365 - 20} left after assigning 20`));
  });

  it('takes no hold', async () => {
    await harness.ask('can we assign 3 visio');

    assert.deepEqual(await harness.headroom.store.listActiveHolds(new Date().toISOString()), []);
  });

  it('mentions users already waiting for the product', async () => {
    const waiting = new Set(harness.graph.tenant.waitingUserIds('SPE_E3')).size;
    assert.ok(waiting > 0, 'users wait for Microsoft 365 E3 in the demo tenant');

    const { card } = await harness.ask('can I assign 1 m365 e3');

    assert.match(cardText(card), new RegExp(`${waiting} users are already waiting for this product`));
  });

  it('says how old the data is and that nothing was held', async () => {
    const { card } = await harness.ask('preflight 1 visio');

    const text = cardText(card);
    assert.match(text, /Data from less than a minute ago/);
    assert.match(text, /no seats were held/);
  });

  it('warns when Graph is unreachable and the figures are the last known ones', async () => {
    await harness.ask('can I assign 1 visio');
    harness.graph.faults.inject({ status: 503, times: 50, pathIncludes: 'subscribedSkus' });

    const { card } = await harness.ask('can I assign 1 visio');

    assert.match(cardText(card), /Graph is unreachable; showing data from/);
  });

  it('suggests close names when nothing matches', async () => {
    const { card } = await harness.ask('can I assign 5 visoi plan 2');

    assert.match(cardText(card), /couldn't find a license matching/);
    assert.match(cardText(card), /Visio Plan 2/);
  });
});
