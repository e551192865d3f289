import assert from 'node:assert/strict';
import { cardText } from '../support/card-text';
import { startHarness, type Harness } from '../support/headroom-harness';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('the forecast on the product card', () => {
  let harness: Harness;

  before(async () => {
    harness = await startHarness();
  });
  after(async () => {
    await harness.stop();
  });

  async function figuresOf(partNumber: string): Promise<{ skuId: string; purchased: number; assigned: number; displayName: string }> {
    const sku = (await harness.headroom.licenses.figures()).figures.find((figures) => figures.skuPartNumber === partNumber);
    assert.ok(sku);
    return sku;
  }

  it('shows when a product runs out once stored history shows a rising trend', async () => {
    const office = await figuresOf('ENTERPRISEPACK');
    const perDay = 3;
    const now = Date.now();
    for (const daysAgo of [9, 6, 3]) {
      const assigned = office.assigned - daysAgo * perDay;
      await harness.headroom.store.recordSnapshot(new Date(now - daysAgo * DAY_MS).toISOString(), [
        { skuId: office.skuId, purchased: office.purchased, assigned, available: office.purchased - assigned, waiting: 0 },
      ]);
    }

    const { card } = await harness.ask('office 365 e3');

    const days = Math.round((office.purchased - office.assigned) / perDay);
    assert.ok(cardText(card).includes(`at the current rate, ${office.displayName} runs out in about ${days} days`), cardText(card));
  });

  it('shows no forecast for a product without history', async () => {
    const { card } = await harness.ask('m365 e5');

    assert.doesNotMatch(cardText(card), /at the current rate/);
  });
});
