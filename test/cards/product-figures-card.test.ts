import assert from 'node:assert/strict';
import { buildProductFiguresCard, summarizeProductFigures, type ProductFiguresMeta } from '../../src/cards/product-figures-card';
import { renderCard } from '../../src/cards/render-card';
import type { SkuFigures } from '../../src/licenses/sku-figures';
import { checkAdaptiveCard } from './support/check-adaptive-card';
import { findTexts } from './support/find-texts';
import { makeGroups, makeSkuFigures } from './support/sku-figures-factory';

const NOW = new Date('2025-05-01T09:14:00Z');
const FRESH: ProductFiguresMeta = { asOf: '2025-05-01T09:12:00Z', now: NOW, stale: false };

function render(figures: SkuFigures[], meta: ProductFiguresMeta = FRESH) {
  return renderCard('product-figures', buildProductFiguresCard(figures, meta));
}

function textsOf(figures: SkuFigures[], meta: ProductFiguresMeta = FRESH): string[] {
  return findTexts(render(figures, meta)).map((text) => text.text);
}

describe('buildProductFiguresCard', () => {
  it('states a negative availability in words, in attention colour', () => {
    const texts = findTexts(render([makeSkuFigures({ purchased: 500, assigned: 504 })]));

    const overAssigned = texts.filter((text) => text.text === 'Over-assigned by 4');
    assert.ok(overAssigned.length > 0);
    assert.ok(overAssigned.every((text) => text.color === 'attention'));
    assert.ok(!texts.some((text) => text.text.includes('-4')));
  });

  it('says in the figures that no seat is free when over-assigned, leaving the number to the headline', () => {
    const facts = findTexts(render([makeSkuFigures({ purchased: 500, assigned: 504 })])).filter((text) => text.type === 'Fact').map((text) => text.text);

    assert.equal(facts[facts.indexOf('Available') + 1], 'None');
  });

  it('puts only its own labels and numbers in the figures, which clients read as Markdown, never a tenant string', () => {
    const name = '**Big** [E3](https://evil.example) 1. _x_';
    const card = render([makeSkuFigures({ displayName: name, purchased: 12_500, assigned: 11_266, held: 2, expiring: 3, waitingGroups: makeGroups(2, 3, () => name) })]);

    const facts = findTexts(card).filter((text) => text.type === 'Fact');
    assert.ok(facts.length >= 12, `${facts.length} fact texts`);
    for (const fact of facts) {
      assert.match(fact.text, /^[A-Za-z0-9 ,()]+$/);
    }
    assert.ok(findTexts(card).some((text) => text.type === 'TextRun' && text.text === name));
  });

  it('answers one product with two waiting groups and the freshness line in under 2 KB', () => {
    const card = render([makeSkuFigures({ displayName: 'Microsoft 365 E3', purchased: 500, assigned: 497, waitingGroups: makeGroups(2, 3) })]);

    const bytes = Buffer.byteLength(JSON.stringify(card));
    assert.ok(bytes < 2048, `${bytes} bytes`);
    assert.deepEqual(checkAdaptiveCard(card), []);
  });

  it('shows every figure with thousands separators', () => {
    const texts = textsOf([makeSkuFigures({ purchased: 12_500, assigned: 11_266, waitingGroups: makeGroups(1, 3) })]);

    for (const expected of ['Purchased', '12,500', 'Assigned', '11,266', 'Available', '1,234', 'Users waiting', '3', 'Shortfall', '0']) {
      assert.ok(texts.includes(expected), `missing ${expected}`);
    }
  });

  it('says how many seats automation holds, only when it holds some', () => {
    const withHolds = textsOf([makeSkuFigures({ purchased: 50, assigned: 40, held: 3 })]);
    const withoutHolds = textsOf([makeSkuFigures({ purchased: 50, assigned: 40 })]);

    assert.ok(withHolds.includes('3 held by automation'));
    assert.ok(!withoutHolds.includes('Seats on hold'));
  });

  it('lists expiring, suspended and locked-out seats only when there are some', () => {
    const some = textsOf([makeSkuFigures({ purchased: 50, assigned: 40, expiring: 5, suspended: 2, lockedOut: 1 })]);
    const none = textsOf([makeSkuFigures({ purchased: 50, assigned: 40 })]);

    assert.ok(['Expiring (grace period)', 'Suspended', 'Locked out'].every((label) => some.includes(label)));
    assert.ok(['Expiring (grace period)', 'Suspended', 'Locked out'].every((label) => !none.includes(label)));
  });

  it('lists the ten largest waiting groups of a single product with their counts and says how many more there are', () => {
    const groups = [...makeGroups(12, 1), { groupId: 'big', displayName: 'Sales EMEA', waiting: 7 }];

    const texts = textsOf([makeSkuFigures({ purchased: 10, assigned: 10, waitingGroups: groups })]);

    assert.equal(texts.filter((text) => /^Group \d+$/.test(text)).length, 9);
    assert.equal(texts[texts.indexOf('Sales EMEA') + 1], ' · 7 waiting');
    assert.ok(texts.includes('and 3 more groups (3 users)'));
  });

  it('lists five waiting groups per product when several products matched', () => {
    const figures = [1, 2].map(() => makeSkuFigures({ purchased: 10, assigned: 10, waitingGroups: makeGroups(7, 1) }));

    const texts = textsOf(figures);

    assert.equal(texts.filter((text) => /^Group \d+$/.test(text)).length, 10);
    assert.equal(texts.filter((text) => text === 'and 2 more groups (2 users)').length, 2);
  });

  it('shows the forecast line given for the SKU', () => {
    const sku = makeSkuFigures({ purchased: 100, assigned: 90 });
    const forecast = 'At 2 seats a day, this product runs out in about 5 days.';

    const texts = textsOf([sku], { ...FRESH, forecasts: new Map([[sku.skuId, forecast]]) });

    assert.ok(texts.includes(forecast));
  });

  it('says how old fresh data is', () => {
    assert.ok(textsOf([makeSkuFigures({ purchased: 1, assigned: 0 })]).includes('Data from 2 minutes ago'));
  });

  it('warns in attention colour that Graph is unreachable when the data is stale', () => {
    const texts = findTexts(render([makeSkuFigures({ purchased: 1, assigned: 0 })], { asOf: '2025-05-01T09:00:00Z', now: NOW, stale: true }));

    const warning = texts.find((text) => text.text.includes('Graph is unreachable; showing data from 14 minutes ago'));
    assert.equal(warning?.color, 'attention');
  });

  it('says why a hidden SKU is left out of overviews when asked about by name', () => {
    const texts = textsOf([makeSkuFigures({ purchased: 10, assigned: 1, hidden: true, hiddenReason: 'muted' })]);

    assert.ok(texts.includes('Not in overviews or alerts: an admin muted it.'));
  });

  it('stays well under 28 KB with the most products and groups, every name at its longest', () => {
    const longName = (index: number) => `${'Very long group name '.repeat(10)}${index}`;
    const figures = Array.from({ length: 8 }, () =>
      makeSkuFigures({ displayName: 'P'.repeat(300), purchased: 1_000_000, assigned: 999_999, held: 5, expiring: 3, suspended: 2, lockedOut: 1, waitingGroups: makeGroups(40, 2, longName) }),
    );
    const forecasts = new Map(figures.map((sku) => [sku.skuId, 'F'.repeat(500)]));
    const samples = Array.from({ length: 31 }, (_, day) => ({ date: new Date(Date.UTC(2025, 0, 31 + 3 * day)).toISOString().slice(0, 10), purchased: 1_000_000 + day, assigned: 999_000 + day }));
    const trends = new Map(figures.map((sku) => [sku.skuId, samples]));

    const card = render(figures, { ...FRESH, forecasts, trends, trendDays: 90 });

    // The first product's 90-day chart (31 samples of two series, and its fallback) adds about 2 KB.
    assert.ok(Buffer.byteLength(JSON.stringify(card)) < 26 * 1024, `${Buffer.byteLength(JSON.stringify(card))} bytes`);
    assert.deepEqual(checkAdaptiveCard(card), []);
    assert.ok(findTexts(card).some((text) => text.text === 'and 3 more matching products; ask more precisely to see them.'));
  });
});

describe('buildProductFiguresCard trends', () => {
  const samples = (count: number) => Array.from({ length: count }, (_, day) => ({ date: `2025-04-${String(day + 1).padStart(2, '0')}`, purchased: 50, assigned: 40 + day }));

  it('charts the first product only, and only with at least two samples', () => {
    const first = makeSkuFigures({ skuId: 'a', purchased: 50, assigned: 45 });
    const second = makeSkuFigures({ skuId: 'b', purchased: 50, assigned: 45 });

    const both = buildProductFiguresCard([first, second], { ...FRESH, trends: new Map([['a', samples(5)], ['b', samples(5)]]) });
    const single = buildProductFiguresCard([first], { ...FRESH, trends: new Map([['a', samples(1)]]) });

    assert.notEqual(both.products[0]?.trend, null);
    assert.equal(both.products[1]?.trend, null);
    assert.equal(single.products[0]?.trend, null);
  });

  it('leaves the chart out when neither assigned nor purchased seats changed over the days', () => {
    const flat = Array.from({ length: 10 }, (_, day) => ({ date: `2025-04-${String(day + 1).padStart(2, '0')}`, purchased: 50, assigned: 45 }));
    const bought = flat.map((sample, day) => (day === 9 ? { ...sample, purchased: 60 } : sample));
    const sku = makeSkuFigures({ skuId: 'a', purchased: 50, assigned: 45 });

    const unchanged = buildProductFiguresCard([sku], { ...FRESH, trends: new Map([['a', flat]]) });
    const changed = buildProductFiguresCard([sku], { ...FRESH, trends: new Map([['a', bought]]) });

    assert.equal(unchanged.products[0]?.trend, null);
    assert.notEqual(changed.products[0]?.trend, null);
  });

  it('draws assigned and purchased as two series of { x, y } with a dated fallback table of at most five rows', () => {
    const card = buildProductFiguresCard([makeSkuFigures({ skuId: 'a', purchased: 50, assigned: 45 })], { ...FRESH, trends: new Map([['a', samples(20)]]), trendDays: 90 });

    const trend = card.products[0]?.trend;
    assert.deepEqual(trend?.series.map((series) => series.legend), ['Assigned', 'Purchased']);
    assert.deepEqual(trend?.series[0]?.values.slice(0, 2), [{ x: '2025-04-01', y: 40 }, { x: '2025-04-02', y: 41 }]);
    assert.deepEqual(trend?.table.map((row) => row.title), ['2025-04-01', '2025-04-06', '2025-04-11', '2025-04-15', '2025-04-20']);
    assert.equal(trend?.table[4]?.value, '59 of 50 assigned');
    assert.equal(trend?.summary, 'Assigned 40 → 59, purchased 50 → 50 over the last 90 days');
  });
});

describe('summarizeProductFigures', () => {
  it('gives a SKU in one plain-text line with its waiting users and shortfall', () => {
    const sku = makeSkuFigures({ displayName: 'Microsoft 365 E3', purchased: 500, assigned: 497, waitingGroups: makeGroups(1, 5) });

    assert.equal(summarizeProductFigures([sku]), 'Microsoft 365 E3: 3 of 500 available, 5 waiting, shortfall 2');
  });

  it('says over-assigned in words and joins several SKUs on one line', () => {
    const summary = summarizeProductFigures([
      makeSkuFigures({ displayName: 'Visio Plan 2', purchased: 40, assigned: 44 }),
      makeSkuFigures({ displayName: 'Power BI Pro', purchased: 1_200, assigned: 100 }),
    ]);

    assert.equal(summary, 'Visio Plan 2: over-assigned by 4 of 40 purchased, shortfall 4; Power BI Pro: 1,100 of 1,200 available');
  });

  it('keeps a product name on one line and adds no Markdown', () => {
    const summary = summarizeProductFigures([makeSkuFigures({ displayName: 'Project\nPlan 3', purchased: 5, assigned: 5 })]);

    assert.ok(!/[\n\r*_`<>#[\]]/.test(summary), summary);
    assert.ok(summary.startsWith('Project Plan 3: '));
  });
});
