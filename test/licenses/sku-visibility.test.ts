import assert from 'node:assert/strict';
import type { SubscribedSku, TenantSubscription } from '../../src/licenses/license-snapshot';
import type { HiddenReason } from '../../src/licenses/sku-figures';
import { hiddenReason } from '../../src/licenses/sku-visibility';
import { SKU, makeSku, makeSubscription } from './license-factories';

const UNKNOWN = '00000000-0000-0000-0000-0000000000aa';

describe('hiddenReason', () => {
  const cases: {
    name: string;
    sku: SubscribedSku;
    subscriptions?: TenantSubscription[];
    muted?: string[];
    expected: HiddenReason | null;
  }[] = [
    { name: 'shows a paid user SKU', sku: makeSku(SKU.m365E3), subscriptions: [makeSubscription(SKU.m365E3)], expected: null },
    { name: 'hides a SKU that applies to the company', sku: makeSku(SKU.m365E3, { appliesTo: 'Company' }), expected: 'company' },
    {
      name: 'hides a SKU whose every subscription is a trial',
      sku: makeSku(SKU.m365E5),
      subscriptions: [makeSubscription(SKU.m365E5, { isTrial: true }), makeSubscription(SKU.m365E5, { id: 'second', isTrial: true })],
      expected: 'trial',
    },
    {
      name: 'shows a SKU with a trial next to a paid subscription',
      sku: makeSku(SKU.m365E5),
      subscriptions: [makeSubscription(SKU.m365E5, { isTrial: true }), makeSubscription(SKU.m365E5)],
      expected: null,
    },
    {
      name: 'shows a SKU with no subscriptions listed',
      sku: makeSku(SKU.m365E5),
      subscriptions: [makeSubscription(SKU.m365E3, { isTrial: true })],
      expected: null,
    },
    { name: 'hides a part number ending in _VIRAL', sku: makeSku(UNKNOWN, { skuPartNumber: 'POWERAPPS_VIRAL' }), expected: 'viral' },
    { name: 'hides a viral trial by its name', sku: makeSku('606b54a9-78d8-4298-ad8b-df6ef4481c80'), expected: 'viral' },
    { name: 'hides a vTrial part number', sku: makeSku(UNKNOWN, { skuPartNumber: 'Dynamics_365_Guides_vTrial' }), expected: 'viral' },
    { name: 'hides an information-worker sign-up ending in _IW', sku: makeSku(UNKNOWN, { skuPartNumber: 'MS_TEAMS_IW' }), expected: 'viral' },
    { name: 'shows a paid SKU with IW inside its part number', sku: makeSku(UNKNOWN, { skuPartNumber: 'STANDARDWOFFPACK_IW_FACULTY' }), expected: null },
    { name: 'hides FLOW_FREE', sku: makeSku(SKU.flowFree), expected: 'free' },
    { name: 'hides Power BI (free) by its part number', sku: makeSku(SKU.fabricFree), expected: 'free' },
    { name: 'hides Teams Exploratory', sku: makeSku(SKU.teamsExploratory), expected: 'free' },
    { name: 'hides a product named "(free)"', sku: makeSku('90d8b3f8-712e-4f7b-aa1e-62e7ae6cbe96', { skuPartNumber: 'SMB_APPS' }), expected: 'free' },
    { name: 'hides an unknown part number ending in _FREE', sku: makeSku(UNKNOWN, { skuPartNumber: 'CONTOSO_FREE' }), expected: 'free' },
    { name: 'does not read "free" inside a longer word', sku: makeSku(UNKNOWN, { skuPartNumber: 'FREEDOM_SUITE' }), expected: null },
    { name: 'hides a part number ending in _TRIAL', sku: makeSku(UNKNOWN, { skuPartNumber: 'DYN365_RETAIL_TRIAL' }), expected: 'trial' },
    { name: 'hides a product named "Trial"', sku: makeSku('74fbf1bb-47c6-4796-9623-77dc7371723b', { skuPartNumber: 'X' }), expected: 'trial' },
    { name: 'hides a muted SKU', sku: makeSku(SKU.visioPlan2), muted: [SKU.visioPlan2], expected: 'muted' },
    { name: 'matches a muted GUID whatever its case', sku: makeSku(SKU.visioPlan2.toUpperCase()), muted: [SKU.visioPlan2], expected: 'muted' },
    { name: 'gives the product reason before the mute', sku: makeSku(SKU.flowFree), muted: [SKU.flowFree], expected: 'free' },
    { name: 'gives company before any other reason', sku: makeSku(SKU.flowFree, { appliesTo: 'Company' }), expected: 'company' },
  ];
  for (const { name, sku, subscriptions = [], muted = [], expected } of cases) {
    it(name, () => {
      assert.equal(hiddenReason(sku, subscriptions, new Set(muted)), expected);
    });
  }
});
