import assert from 'node:assert/strict';
import { buildLicenseReportCard, type LicenseReportInput } from '../../src/cards/license-report-card';
import { renderCard } from '../../src/cards/render-card';
import { checkAdaptiveCard } from './support/check-adaptive-card';
import { findTexts } from './support/find-texts';
import { makeSkuFigures } from './support/sku-figures-factory';

const samples = Array.from({ length: 14 }, (_, week) => ({ date: new Date(Date.UTC(2025, 1, 3 + 7 * week)).toISOString().slice(0, 10), purchased: 50, assigned: 30 + week }));

function input(overrides: Partial<LicenseReportInput> = {}): LicenseReportInput {
  const figures = Array.from({ length: 7 }, (_, index) => makeSkuFigures({ skuId: `sku-${index}`, displayName: `Product ${index}`, purchased: 50, assigned: 45 - index }));
  return {
    tenantName: 'Contoso',
    periodLabel: 'week of 5 May 2025',
    baselineLabel: 'since Mon, 28 Apr 2025',
    asOf: '2025-05-05T09:00:00Z',
    now: new Date('2025-05-05T09:01:00Z'),
    stale: false,
    figures,
    baselines: new Map(figures.map((sku) => [sku.skuId, { purchased: sku.purchased, assigned: sku.assigned - 2, available: sku.available + 2 }])),
    forecasts: new Map(),
    trends: new Map(figures.map((sku) => [sku.skuId, samples])),
    trendDays: 90,
    openSuggestions: [],
    decisions: [],
    ...overrides,
  };
}

describe('buildLicenseReportCard', () => {
  it('totals the products with their change since the baseline', () => {
    const card = buildLicenseReportCard(input());

    assert.deepEqual(card.totals.map((row) => [row.label, row.value, row.change.text]), [
      ['Purchased', '350', '±0 since Mon, 28 Apr 2025'],
      ['Assigned', '294', '+14 since Mon, 28 Apr 2025'],
      ['Available', '56', '−14 since Mon, 28 Apr 2025'],
    ]);
  });

  it('says a change is unknown, never 0, when a product has no baseline', () => {
    const card = buildLicenseReportCard(input({ baselines: new Map() }));

    assert.ok(card.totals.every((row) => row.change.text === 'no figures from Mon, 28 Apr 2025 to compare'));
    assert.ok(card.products.every((product) => !product.notes.some((note) => note.includes('±0'))));
  });

  it('lists five products, charts the first three, and says how many more there are', () => {
    const card = buildLicenseReportCard(input());

    assert.equal(card.products.length, 5);
    assert.deepEqual(card.products.map((product) => product.chart !== null), [true, true, true, false, false]);
    assert.equal(card.moreProducts, 'and 2 more products; ask "licenses" to see them all.');
  });

  it('says so when there are no suggestions or decisions, and names who decided', () => {
    const none = buildLicenseReportCard(input());
    const some = buildLicenseReportCard(input({ decisions: [{ displayName: 'Visio Plan 2', quantity: 5, status: 'approved', decidedBy: 'Megan Bowen', decidedAt: '2025-05-02T10:00:00Z' }] }));

    assert.deepEqual(none.suggestions, ['No open purchase suggestions.']);
    assert.deepEqual(none.decisions, ['No decisions in this period.']);
    assert.deepEqual(some.decisions, ['Visio Plan 2: 5 seats approved by Megan Bowen on 2025-05-02']);
  });

  it('renders to a card the library accepts, each chart with its fallback', () => {
    const card = renderCard('license-report', buildLicenseReportCard(input()));

    assert.deepEqual(checkAdaptiveCard(card), []);
    assert.equal(findTexts(card).filter((text) => text.text.endsWith('over the last 90 days')).length, 3);
  });
});
