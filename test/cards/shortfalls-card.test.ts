import assert from 'node:assert/strict';
import { renderCard } from '../../src/cards/render-card';
import { buildShortfallsCard, summarizeShortfalls, type ShortfallsMeta } from '../../src/cards/shortfalls-card';
import { checkAdaptiveCard } from './support/check-adaptive-card';
import { findTexts } from './support/find-texts';
import { makeGroups, makeSkuFigures } from './support/sku-figures-factory';

const META: ShortfallsMeta = { tenantName: 'Contoso Ltd', asOf: '2025-05-01T09:12:00Z', now: new Date('2025-05-01T09:14:00Z'), stale: false };

describe('buildShortfallsCard', () => {
  it('lists only SKUs with a shortfall or over-assignment, each with its waiting groups and their counts', () => {
    const e3 = makeSkuFigures({
      displayName: 'Microsoft 365 E3',
      purchased: 500,
      assigned: 499,
      waitingGroups: [
        { groupId: 'g1', displayName: 'Sales EMEA', waiting: 3 },
        { groupId: 'g2', displayName: '*Interns*', waiting: 2 },
      ],
    });
    const visio = makeSkuFigures({ displayName: 'Visio Plan 2', purchased: 40, assigned: 44 });
    const fine = makeSkuFigures({ displayName: 'Power BI Pro', purchased: 100, assigned: 10, waitingGroups: makeGroups(1, 2) });

    const texts = findTexts(renderCard('shortfalls', buildShortfallsCard([fine, visio, e3], META))).map((text) => text.text);

    assert.ok(texts.includes('Microsoft 365 E3') && texts.includes('Visio Plan 2'));
    assert.ok(!texts.includes('Power BI Pro'));
    assert.ok(texts.includes('Shortfall 4'));
    assert.ok(texts.includes('Shortfall 4 · over-assigned by 4'));
    assert.equal(texts[texts.indexOf('Sales EMEA') + 1], ' · 3 waiting');
    assert.equal(texts[texts.indexOf('*Interns*') + 1], ' · 2 waiting');
    assert.ok(!texts.includes('All clear'));
  });

  it('leaves hidden SKUs out', () => {
    const card = buildShortfallsCard([makeSkuFigures({ purchased: 1, assigned: 5, hidden: true, hiddenReason: 'muted' })], META);

    assert.equal(card.allClear, true);
    assert.deepEqual(card.shortfalls, []);
  });

  it('shows all clear when no SKU is short', () => {
    const card = renderCard('shortfalls', buildShortfallsCard([makeSkuFigures({ purchased: 10, assigned: 5, waitingGroups: makeGroups(1, 5) })], META));

    const texts = findTexts(card).map((text) => text.text);
    assert.ok(texts.includes('All clear'));
    assert.deepEqual(checkAdaptiveCard(card), []);
  });

  it('stays well under 28 KB with the most SKUs and groups, every name at its longest', () => {
    const figures = Array.from({ length: 30 }, () =>
      makeSkuFigures({ displayName: 'P'.repeat(300), purchased: 10, assigned: 12, waitingGroups: makeGroups(50, 1, () => 'G'.repeat(300)) }),
    );

    const card = renderCard('shortfalls', buildShortfallsCard(figures, { ...META, stale: true }));

    const bytes = Buffer.byteLength(JSON.stringify(card));
    assert.ok(bytes < 24 * 1024, `${bytes} bytes`);
    assert.deepEqual(checkAdaptiveCard(card), []);
    assert.ok(findTexts(card).some((text) => text.text === 'and 20 more products short of seats; ask for one by name.'));
  });
});

describe('summarizeShortfalls', () => {
  it('counts the products short of seats and names the worst', () => {
    const summary = summarizeShortfalls(
      [
        makeSkuFigures({ displayName: 'Microsoft 365 E3', purchased: 500, assigned: 499, waitingGroups: makeGroups(1, 3) }),
        makeSkuFigures({ displayName: 'Visio Plan 2', purchased: 40, assigned: 44 }),
      ],
      META,
    );

    assert.equal(summary, 'Contoso Ltd: 2 products short of seats: Visio Plan 2 (shortfall 4, over-assigned by 4), Microsoft 365 E3 (shortfall 2).');
  });

  it('says all clear in plain text when none is short', () => {
    const summary = summarizeShortfalls([makeSkuFigures({ purchased: 10, assigned: 1 })], META);

    assert.equal(summary, 'Contoso Ltd: all clear, no product is short of seats or over-assigned.');
  });
});
