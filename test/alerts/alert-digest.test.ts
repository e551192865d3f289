import assert from 'node:assert/strict';
import type { AlertTransition } from '../../src/alerts/alert-transition';
import { buildAlertDigestCard, summarizeAlertDigest, type AlertDigestMeta } from '../../src/alerts/alert-digest';
import { renderCard } from '../../src/cards/render-card';
import type { SkuFigures } from '../../src/licenses/sku-figures';
import { checkAdaptiveCard } from '../cards/support/check-adaptive-card';
import { findTexts } from '../cards/support/find-texts';
import { makeGroups, makeSkuFigures } from '../cards/support/sku-figures-factory';

const META: AlertDigestMeta = { tenantName: 'Contoso Ltd', asOf: '2025-05-01T09:12:00Z', remindHours: 24, forecasts: new Map() };

function transition(figures: SkuFigures, condition: string, kind: AlertTransition['kind']): AlertTransition {
  return { skuId: figures.skuId, condition, kind, figures, threshold: 25, recoveryLevel: 28, expiry: null, expectedVersion: null };
}

describe('buildAlertDigestCard', () => {
  it('groups the transitions of each product with its figures, waiting groups and forecast', () => {
    const e3 = makeSkuFigures({ displayName: 'Microsoft 365 E3', purchased: 500, assigned: 497, waitingGroups: [{ groupId: 'g', displayName: '*Contractors* ${x}', waiting: 5 }] });
    const visio = makeSkuFigures({ displayName: 'Visio Plan 2', purchased: 25, assigned: 10 });
    const forecasts = new Map([[e3.skuId.toLowerCase(), 'at the current rate, Microsoft 365 E3 runs out in about 9 days (around 8 December)']]);

    const card = renderCard(
      'alert-digest',
      buildAlertDigestCard([transition(visio, 'low', 'resolved'), transition(e3, 'low', 'new'), transition(e3, 'waiting', 'new')], { ...META, forecasts }),
    );

    const texts = findTexts(card).map((text) => text.text);
    assert.deepEqual(checkAdaptiveCard(card), []);
    assert.ok(texts.indexOf('Microsoft 365 E3') < texts.indexOf('Visio Plan 2'));
    assert.ok(texts.includes(' · Below its threshold: 3 seats available, threshold 25'));
    assert.ok(texts.includes(' · 5 users waiting for a seat, 2 more than are available'));
    assert.ok(texts.includes('*Contractors* ${x}'));
    assert.ok(texts.includes('at the current rate, Microsoft 365 E3 runs out in about 9 days (around 8 December)'));
    assert.ok(texts.includes(' · Back above its threshold: 15 available, threshold 25'));
    assert.equal(texts[0], 'License warnings: 1 product');
  });

  it('stays well under 28 KB with many products and groups, every name at its longest', () => {
    const transitions = Array.from({ length: 40 }, () =>
      makeSkuFigures({ displayName: 'P'.repeat(300), purchased: 10, assigned: 12, waitingGroups: makeGroups(50, 1, () => 'G'.repeat(300)) }),
    ).flatMap((figures) => ['exhausted', 'over-assigned', 'waiting', 'expiring'].map((condition) => transition(figures, condition, 'reminder')));

    const card = renderCard('alert-digest', buildAlertDigestCard(transitions, META));

    const bytes = Buffer.byteLength(JSON.stringify(card));
    assert.ok(bytes < 24 * 1024, `${bytes} bytes`);
    assert.ok(findTexts(card).some((text) => text.text.startsWith('and 32 more products')));
  });
});

describe('summarizeAlertDigest', () => {
  it('names each product and what happened in plain text', () => {
    const e3 = makeSkuFigures({ displayName: 'Microsoft 365 E3', purchased: 500, assigned: 490 });

    assert.equal(
      summarizeAlertDigest([transition(e3, 'low', 'new')], META),
      'Contoso Ltd: License warnings: Microsoft 365 E3 (new: below its threshold: 10 seats available, threshold 25).',
    );
  });
});
