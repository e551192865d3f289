import assert from 'node:assert/strict';
import { productDisplayName } from '../../src/licenses/product-catalog';

describe('productDisplayName', () => {
  const cases: { name: string; skuId: string; part: string; expected: string }[] = [
    {
      name: 'names a known GUID from the product table',
      skuId: '05e9a617-0261-4cee-bb44-138d3ef5d965',
      part: 'SPE_E3',
      expected: 'Microsoft 365 E3',
    },
    {
      name: 'finds a GUID written in upper case',
      skuId: '6FD2C87F-B296-42F0-B197-1E91E994B900',
      part: 'ENTERPRISEPACK',
      expected: 'Office 365 E3',
    },
    {
      name: 'prefers the table name over the part number Graph sends',
      skuId: 'efccb6f7-5641-4e0e-bd10-b4976e1bf68e',
      part: 'SOMETHING_ELSE',
      expected: 'Enterprise Mobility + Security E3',
    },
    {
      name: 'falls back to the part number for an unknown GUID',
      skuId: '00000000-0000-0000-0000-000000000001',
      part: 'CONTOSO_ADDON',
      expected: 'CONTOSO_ADDON',
    },
    {
      name: 'falls back to the GUID when there is no part number',
      skuId: '00000000-0000-0000-0000-000000000001',
      part: ' ',
      expected: '00000000-0000-0000-0000-000000000001',
    },
    {
      name: 'does not read names from the object prototype',
      skuId: 'constructor',
      part: 'ODD',
      expected: 'ODD',
    },
  ];
  for (const { name, skuId, part, expected } of cases) {
    it(name, () => {
      assert.equal(productDisplayName(skuId, part), expected);
    });
  }
});
