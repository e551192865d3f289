import assert from 'node:assert/strict';
import { buildLicenseOverviewCard, summarizeLicenseOverview, type LicenseOverviewMeta } from '../../src/cards/license-overview-card';
import { renderCard } from '../../src/cards/render-card';
import type { SkuFigures } from '../../src/licenses/sku-figures';
import { checkAdaptiveCard } from './support/check-adaptive-card';
import { findTexts } from './support/find-texts';
import { makeGroups, makeSkuFigures } from './support/sku-figures-factory';

const META: LicenseOverviewMeta = { tenantName: 'Contoso Ltd', asOf: '2025-05-01T09:12:00Z', now: new Date('2025-05-01T09:14:00Z'), stale: false };

function render(figures: SkuFigures[], meta: LicenseOverviewMeta = META) {
  return renderCard('license-overview', buildLicenseOverviewCard(figures, meta));
}

describe('buildLicenseOverviewCard', () => {
  it('lists visible SKUs tightest first: users waiting without seats, then the least headroom', () => {
    const roomy = makeSkuFigures({ displayName: 'Roomy', purchased: 1_000, assigned: 500 });
    const short = makeSkuFigures({ displayName: 'Short', purchased: 100, assigned: 99, waitingGroups: makeGroups(1, 4) });
    const tight = makeSkuFigures({ displayName: 'Tight', purchased: 10, assigned: 9 });

    const names = buildLicenseOverviewCard([roomy, tight, short], META).skus.map((row) => row.name);

    assert.deepEqual(names, ['Short', 'Tight', 'Roomy']);
  });

  it('shows the tenant, each SKU with available of purchased and assigned, and its waiting and shortfall markers', () => {
    const texts = findTexts(render([makeSkuFigures({ displayName: 'Microsoft 365 E3', purchased: 500, assigned: 497, waitingGroups: makeGroups(1, 5) })]));

    const strings = texts.map((text) => text.text);
    assert.ok(strings.includes('Contoso Ltd'));
    assert.ok(strings.includes('Microsoft 365 E3'));
    assert.ok(strings.includes('3 of 500 available'));
    assert.ok(strings.includes(' · 500 purchased · 497 assigned'));
    assert.equal(texts.find((text) => text.text === ' · 5 waiting')?.color, 'warning');
    assert.equal(texts.find((text) => text.text === ' · shortfall 2')?.color, 'attention');
  });

  it('marks an over-assigned SKU in words and in attention colour', () => {
    const texts = findTexts(render([makeSkuFigures({ purchased: 20, assigned: 23 })]));

    assert.equal(texts.find((text) => text.text === 'Over-assigned by 3')?.color, 'attention');
  });

  it('leaves hidden SKUs out and says how many are not listed', () => {
    const card = buildLicenseOverviewCard(
      [
        makeSkuFigures({ displayName: 'Paid', purchased: 10, assigned: 1 }),
        makeSkuFigures({ displayName: 'Free', purchased: 10_000, assigned: 1, hidden: true, hiddenReason: 'free' }),
        makeSkuFigures({ displayName: 'Muted', purchased: 10, assigned: 1, hidden: true, hiddenReason: 'muted' }),
      ],
      META,
    );

    assert.deepEqual(card.skus.map((row) => row.name), ['Paid']);
    assert.equal(card.hiddenNote, '2 free, trial, company-wide or muted products not listed; ask for one by name.');
  });

  it('shows the age of the data, and a stale warning when Graph is unreachable', () => {
    const fresh = findTexts(render([makeSkuFigures({ purchased: 1, assigned: 0 })])).map((text) => text.text);
    const stale = findTexts(render([makeSkuFigures({ purchased: 1, assigned: 0 })], { ...META, asOf: '2025-05-01T09:00:00Z', stale: true }));

    assert.ok(fresh.includes('Data from 2 minutes ago'));
    assert.ok(fresh.includes(' · As of 2025-05-01 09:12 UTC'));
    assert.equal(stale.find((text) => text.text.includes('Graph is unreachable; showing data from 14 minutes ago'))?.color, 'attention');
  });

  it('says so when there is nothing to list', () => {
    const texts = findTexts(render([])).map((text) => text.text);

    assert.ok(texts.includes('There are no paid products to show.'));
  });

  it('keeps a 60-SKU overview under 28 KB: 25 rows, then how many more', () => {
    const figures = Array.from({ length: 60 }, (_, index) =>
      makeSkuFigures({ displayName: `${'Microsoft 365 product with a long name '.repeat(3)}${index}`, purchased: 10_000 + index, assigned: 9_000, held: 2, expiring: 1, waitingGroups: makeGroups(3, 2) }),
    );

    const card = render(figures);

    const bytes = Buffer.byteLength(JSON.stringify(card));
    assert.ok(bytes < 28 * 1024, `${bytes} bytes`);
    assert.deepEqual(checkAdaptiveCard(card), []);
    assert.equal(buildLicenseOverviewCard(figures, META).skus.length, 25);
    assert.ok(findTexts(card).some((text) => text.text === 'and 35 more products; ask for one by name.'));
  });
});

describe('summarizeLicenseOverview', () => {
  it('names the tenant, counts the products and those short of seats, and gives the tightest', () => {
    const summary = summarizeLicenseOverview(
      [
        makeSkuFigures({ displayName: 'Power BI Pro', purchased: 100, assigned: 40 }),
        makeSkuFigures({ displayName: 'Microsoft 365 E3', purchased: 500, assigned: 497, waitingGroups: makeGroups(1, 5) }),
        makeSkuFigures({ displayName: 'Free thing', purchased: 1, assigned: 1, hidden: true, hiddenReason: 'free' }),
      ],
      META,
    );

    assert.equal(summary, 'Contoso Ltd: 2 products, 1 short of seats. Tightest: Microsoft 365 E3: 3 of 500 available, 5 waiting, shortfall 2.');
  });
});
