import assert from 'node:assert/strict';
import type { SkuFigures } from '../../src/licenses/sku-figures';
import { matchSkus } from '../../src/licenses/sku-matcher';
import { SKU, makeFigures } from './license-factories';

function product(skuId: string, skuPartNumber: string, displayName: string, overrides: Partial<SkuFigures> = {}): SkuFigures {
  return makeFigures(displayName, { skuId, skuPartNumber, ...overrides });
}

const TENANT: readonly SkuFigures[] = [
  product(SKU.m365E3, 'SPE_E3', 'Microsoft 365 E3'),
  product(SKU.m365E5, 'SPE_E5', 'Microsoft 365 E5'),
  product(SKU.o365E3, 'ENTERPRISEPACK', 'Office 365 E3'),
  product(SKU.emsE3, 'EMS', 'Enterprise Mobility + Security E3'),
  product(SKU.powerBiPro, 'POWER_BI_PRO', 'Power BI Pro'),
  product(SKU.powerBiPpu, 'PBI_PREMIUM_PER_USER', 'Power BI Premium Per User'),
  product(SKU.visioPlan2, 'VISIOCLIENT', 'Visio Plan 2', { hidden: true, hiddenReason: 'muted' }),
  product(SKU.flowFree, 'FLOW_FREE', 'Microsoft Power Automate Free', { hidden: true, hiddenReason: 'free' }),
];

function names(query: string, skus: readonly SkuFigures[] = TENANT): string[] {
  return matchSkus(query, skus).matches.map((sku) => sku.displayName);
}

describe('matchSkus', () => {
  const cases: { query: string; expected: string[] }[] = [
    { query: 'e3', expected: ['Microsoft 365 E3', 'Office 365 E3', 'Enterprise Mobility + Security E3'] },
    { query: 'E3?', expected: ['Microsoft 365 E3', 'Office 365 E3', 'Enterprise Mobility + Security E3'] },
    { query: 'm365 e3', expected: ['Microsoft 365 E3'] },
    { query: 'M365 E3', expected: ['Microsoft 365 E3'] },
    { query: 'o365 e3', expected: ['Office 365 E3'] },
    { query: 'microsoft 365 e3', expected: ['Microsoft 365 E3'] },
    { query: 'microsoft e3', expected: ['Microsoft 365 E3'] },
    { query: 'ems e3', expected: ['Enterprise Mobility + Security E3'] },
    { query: 'enterprise mobility + security', expected: ['Enterprise Mobility + Security E3'] },
    { query: 'e5', expected: ['Microsoft 365 E5'] },
    { query: 'power bi pro', expected: ['Power BI Pro'] },
    { query: 'power bi', expected: ['Power BI Pro', 'Power BI Premium Per User'] },
    { query: 'Power-BI  premium', expected: ['Power BI Premium Per User'] },
    { query: 'prem', expected: ['Power BI Premium Per User'] },
    { query: 'SPE_E3', expected: ['Microsoft 365 E3'] },
    { query: 'spe_e3', expected: ['Microsoft 365 E3'] },
    { query: 'enterprisepack?', expected: ['Office 365 E3'] },
    { query: SKU.o365E3, expected: ['Office 365 E3'] },
    { query: SKU.o365E3.toUpperCase(), expected: ['Office 365 E3'] },
    { query: 'visio', expected: ['Visio Plan 2'] },
    { query: 'power automate', expected: ['Microsoft Power Automate Free'] },
    { query: 'FLOW_FREE', expected: ['Microsoft Power Automate Free'] },
  ];
  for (const { query, expected } of cases) {
    it(`finds ${expected.join(', ')} for "${query}"`, () => {
      assert.deepEqual(names(query), expected);
    });
  }

  it('does not match a two-letter word as a prefix', () => {
    assert.deepEqual(names('po'), []);
  });

  it('prefers visible SKUs over hidden ones that match too', () => {
    const skus = [...TENANT, product('id-pa', 'POWERAUTOMATE_ATTENDED_RPA', 'Power Automate Premium')];
    assert.deepEqual(names('power automate', skus), ['Power Automate Premium']);
  });

  it('prefers the SKU named exactly by the query over longer names', () => {
    const skus = [product('id-noteams', 'Microsoft_365_E3_(no_Teams)', 'Microsoft 365 E3 (no Teams)'), ...TENANT];
    assert.deepEqual(names('m365 e3', skus), ['Microsoft 365 E3']);
  });

  it('finds the longer names when the query names none exactly', () => {
    const skus = [product('id-noteams', 'Microsoft_365_E3_(no_Teams)', 'Microsoft 365 E3 (no Teams)'), ...TENANT];
    assert.deepEqual(names('m365 e3 teams', skus), ['Microsoft 365 E3 (no Teams)']);
  });

  it('searches only the SKUs it is given', () => {
    assert.deepEqual(names('project'), []);
  });

  it('finds nothing and suggests nothing for an empty query', () => {
    assert.deepEqual([matchSkus('', TENANT), matchSkus('  ?! ', TENANT)], [
      { matches: [], suggestions: [] },
      { matches: [], suggestions: [] },
    ]);
  });

  it('suggests the closest names for a misspelt query', () => {
    assert.deepEqual(matchSkus('microsft 365 e3', TENANT), {
      matches: [],
      suggestions: ['Microsoft 365 E3', 'Microsoft 365 E5', 'Office 365 E3'],
    });
  });

  it('suggests a product for a near part number', () => {
    assert.equal(matchSkus('VISIOCLIENTS', TENANT).suggestions[0], 'Visio Plan 2');
  });

  it('suggests nothing for a query like no product', () => {
    assert.deepEqual(matchSkus('xylophone', TENANT), { matches: [], suggestions: [] });
  });

  it('suggests each display name once', () => {
    const skus = [product('id-a', 'VISIO_A', 'Visio Plan 2'), product('id-b', 'VISIO_B', 'Visio Plan 2')];
    assert.deepEqual(matchSkus('visoi', skus).suggestions, ['Visio Plan 2']);
  });
});
