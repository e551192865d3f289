import assert from 'node:assert/strict';
import { CONTOSO_IDS } from '../../src/demo-tenant/contoso-tenant';
import { createLargeTenant } from '../../src/demo-tenant/large-tenant';
import type { HistoryFigures } from '../../src/licenses/sku-history';
import { CHART_FALLBACK_WARNING, checkAdaptiveCard } from '../cards/support/check-adaptive-card';
import { checkTeamsLineChart } from '../cards/support/check-teams-chart';
import { findTexts } from '../cards/support/find-texts';
import { startHarness, type Harness } from '../support/headroom-harness';

const DAY_MS = 24 * 60 * 60 * 1000;
const NOW = new Date('2030-01-09T12:00:00Z');

/** Every element of a card with the given type, depth first. */
function elementsOfType(node: unknown, type: string, found: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(node)) {
    node.forEach((item) => elementsOfType(item, type, found));
  } else if (typeof node === 'object' && node !== null) {
    const record = node as Record<string, unknown>;
    if (record.type === type) {
      found.push(record);
    }
    Object.values(record).forEach((value) => elementsOfType(value, type, found));
  }
  return found;
}

/** Stores a history row per SKU on each of the last `days` days, with the assigned seats moving every day. */
async function seedHistory(harness: Harness, days: number): Promise<void> {
  const served = await harness.headroom.licenses.figures();
  for (let back = days; back >= 1; back -= 1) {
    const rows: HistoryFigures[] = served.figures.map((sku) => {
      const assigned = Math.max(0, sku.assigned - back);
      return { skuId: sku.skuId, purchased: sku.purchased, assigned, available: sku.purchased - assigned, waiting: sku.waiting ?? 0 };
    });
    await harness.headroom.store.recordSnapshot(new Date(NOW.getTime() - back * DAY_MS).toISOString(), rows);
  }
}

describe('The report command and trends on the product card', function () {
  this.timeout(60_000);

  describe('with Contoso', () => {
    let harness: Harness;

    beforeEach(async () => {
      harness = await startHarness({ RESERVATION_SUGGESTIONS: 'off' }, { now: () => NOW });
    });

    afterEach(async () => {
      await harness.stop();
    });

    it('answers "report" for anyone with totals, the tightest products and a chart per product with history', async () => {
      await seedHistory(harness, 100);

      const { card, summary } = await harness.ask('report', { userAadObjectId: '00000000-0000-0000-0000-00000000beef' });

      assert.match(summary, /^License report \(week of 7 Jan 2030\): /);
      const texts = findTexts(card).map((text) => text.text);
      assert.ok(texts.includes('Purchased') && texts.includes('Assigned') && texts.includes('Available'));
      const charts = elementsOfType(card, 'Chart.Line');
      assert.equal(charts.length, 3);
      for (const chart of charts) {
        assert.deepEqual(checkTeamsLineChart(chart), []);
      }
      assert.deepEqual(checkAdaptiveCard(card), []);
    });

    it('shows the product card chart only once the history has two points, ending at the figures it shows', async () => {
      const before = await harness.ask('how many E3 left?');
      assert.equal(elementsOfType(before.card, 'Chart.Line').length, 0);

      await seedHistory(harness, 30);
      const after = await harness.ask('how many E3 left?');

      const [chart] = elementsOfType(after.card, 'Chart.Line');
      assert.ok(chart, 'a chart');
      assert.deepEqual(checkTeamsLineChart(chart), []);
      const series = chart.data as Array<{ legend: string; values: Array<{ x: string; y: number }> }>;
      const assigned = series.find((line) => line.legend === 'Assigned');
      const e3 = (await harness.headroom.licenses.figures()).figures.find((sku) => sku.skuPartNumber === 'SPE_E3');
      assert.equal(assigned?.values.at(-1)?.y, e3?.assigned);
      assert.equal(assigned?.values.at(-1)?.x, '2030-01-09');
      // A sample every third day: days 30, 27, ..., 0 back.
      assert.equal(assigned?.values.length, 11);
      const fallback = chart.fallback as Record<string, unknown>;
      assert.equal(fallback.type, 'Container');
      assert.ok(findTexts(fallback).some((text) => text.text.startsWith('Assigned ')));
    });
  });

  describe('with the largest demo tenant', () => {
    let harness: Harness;

    before(async () => {
      // The harness speaks as Contoso's tenant; the large tenant has its own id, so allow Contoso's explicitly.
      harness = await startHarness({ RESERVATION_SUGGESTIONS: 'off', ALLOWED_TENANT_IDS: CONTOSO_IDS.tenantId }, { now: () => NOW, tenant: createLargeTenant() });
    });

    after(async () => {
      await harness.stop();
    });

    it('keeps the report under 28 KB with a changing 400-day history and long suggestion lists', async () => {
      await seedHistory(harness, 400);
      const served = await harness.headroom.licenses.figures();
      for (const sku of served.figures.slice(0, 12)) {
        await harness.headroom.store.createSuggestion({ skuId: sku.skuId, skuPartNumber: sku.skuPartNumber, displayName: `${sku.displayName} ${'x'.repeat(120)}`, quantity: 99_999, reasoning: {} });
      }

      const { status, replies } = await harness.send({ text: 'report' });

      assert.equal(status, 200);
      assert.equal(replies.length, 1);
      const bytes = Buffer.byteLength(JSON.stringify(replies[0]?.body), 'utf8');
      assert.ok(bytes < 28 * 1024, `${bytes} bytes`);
      const attachments = replies[0]?.body.attachments as Array<{ content: Record<string, unknown> }>;
      const card = attachments[0]?.content;
      assert.equal(elementsOfType(card, 'Chart.Line').length, 3);
      assert.deepEqual(checkAdaptiveCard(card), []);
      assert.ok(CHART_FALLBACK_WARNING.includes('Chart.Line'));
    });
  });
});
