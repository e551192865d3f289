import assert from 'node:assert/strict';
import { buildPreflightCard, summarizePreflight, type PreflightMeta, type PreflightProduct } from '../../src/cards/preflight-card';
import { renderCard } from '../../src/cards/render-card';
import { checkPreflight } from '../../src/holds/check-preflight';
import type { SkuFigures } from '../../src/licenses/sku-figures';
import { checkAdaptiveCard } from './support/check-adaptive-card';
import { findTexts, type FoundText } from './support/find-texts';
import { makeGroups, makeSkuFigures } from './support/sku-figures-factory';

const NOW = new Date('2025-05-01T09:14:00Z');
const FRESH: PreflightMeta = { asOf: '2025-05-01T09:12:00Z', now: NOW, stale: false };

function render(quantity: number, skus: SkuFigures[], meta: PreflightMeta = FRESH, query = 'e3') {
  return renderCard('preflight', buildPreflightCard(quantity, query, checked(skus, quantity), meta));
}

function textsOf(quantity: number, skus: SkuFigures[], meta: PreflightMeta = FRESH): FoundText[] {
  return findTexts(render(quantity, skus, meta));
}

/** The SKUs with the holds feature's check, as the chat answer hands them to the card. */
function checked(skus: readonly SkuFigures[], quantity: number): PreflightProduct[] {
  return skus.map((sku) => ({ sku, check: checkPreflight(sku, quantity) }));
}

describe('buildPreflightCard', () => {
  it('answers yes in good colour when the seats fit into the unheld ones', () => {
    const texts = textsOf(5, [makeSkuFigures({ purchased: 50, assigned: 40, held: 5 })]);

    assert.ok(texts.some((text) => text.text === 'Yes: 5 seats fit' && text.color === 'good'));
    assert.ok(texts.some((text) => text.text === '0 left'));
  });

  it('answers no in attention colour with the seats short', () => {
    const texts = textsOf(8, [makeSkuFigures({ purchased: 50, assigned: 40, held: 5 })]);

    assert.ok(texts.some((text) => text.text === 'No: 3 seats short' && text.color === 'attention'));
    assert.ok(texts.some((text) => text.text === '3 short' && text.color === 'attention'));
  });

  it('states over-assignment and holds beyond availability in words, never as negative numbers', () => {
    const texts = textsOf(1, [makeSkuFigures({ purchased: 50, assigned: 52, held: 1 })]).map((text) => text.text);

    assert.ok(texts.includes('Over-assigned by 2'));
    assert.ok(texts.includes('None: holds exceed available by 3'));
    assert.ok(texts.includes('4 short'));
    assert.ok(!texts.some((text) => /(?<![\w-])-\d/.test(text)), texts.join(' | '));
  });

  it('shows the product and the question literally, never as Markdown or template', () => {
    const sku = makeSkuFigures({ purchased: 10, assigned: 1, displayName: '**Bold** ${name} {{DATE(2025)}}' });

    const texts = findTexts(render(1, [sku], FRESH, '_e3_ ${x}')).map((text) => text.text);

    assert.ok(texts.includes('**Bold** ${name} {\u2060{DATE(2025)}}'));
    assert.ok(texts.includes('_e3_ ${x}'));
  });

  it('mentions users waiting only when some are', () => {
    const waiting = textsOf(1, [makeSkuFigures({ purchased: 10, assigned: 10, waitingGroups: makeGroups(2, 2) })]).map((text) => text.text);
    const none = textsOf(1, [makeSkuFigures({ purchased: 10, assigned: 1 })]).map((text) => text.text);

    assert.ok(waiting.some((text) => text.startsWith('4 users are already waiting')));
    assert.ok(!none.some((text) => text.includes('waiting')));
  });

  it('shows at most five products and says how many more matched', () => {
    const skus = Array.from({ length: 7 }, () => makeSkuFigures({ purchased: 10, assigned: 1 }));

    const card = buildPreflightCard(1, 'product', checked(skus, 1), FRESH);

    assert.equal(card.products.length, 5);
    assert.equal(card.more, 'and 2 more matching products; ask more precisely to see them.');
  });

  it('warns in attention colour when the figures are the last known ones', () => {
    const texts = textsOf(1, [makeSkuFigures({ purchased: 10, assigned: 1 })], { ...FRESH, stale: true });

    assert.ok(texts.some((text) => text.text === '⚠ Graph is unreachable; showing data from 2 minutes ago' && text.color === 'attention'));
  });

  it('renders a card the Adaptive Cards library parses without problems', () => {
    const card = render(3, [makeSkuFigures({ purchased: 10, assigned: 9, held: 1, waitingGroups: makeGroups(1, 1) })]);

    assert.deepEqual(checkAdaptiveCard(card), []);
  });
});

describe('summarizePreflight', () => {
  it('gives the verdict and the numbers of each product in one line', () => {
    const yes = makeSkuFigures({ purchased: 100, assigned: 70, held: 5, displayName: 'Office 365 E3' });
    const no = makeSkuFigures({ purchased: 10, assigned: 7, held: 1, displayName: 'Microsoft 365 E3' });

    const summary = summarizePreflight(20, checked([no, yes], 20));

    assert.equal(summary, 'Microsoft 365 E3: no, 2 unheld (3 available, 1 held), 18 short; Office 365 E3: yes, 25 unheld (30 available, 5 held), 5 left after assigning 20');
  });

  it('states over-assignment in words', () => {
    const summary = summarizePreflight(1, checked([makeSkuFigures({ purchased: 50, assigned: 52, held: 1, displayName: 'Visio Plan 2' })], 1));

    assert.equal(summary, 'Visio Plan 2: no, none unheld (over-assigned by 2, 1 held), 4 short');
  });
});
