import assert from 'node:assert/strict';
import { buildNoMatchCard, summarizeNoMatch } from '../../src/cards/no-match-card';
import { renderCard } from '../../src/cards/render-card';
import { checkAdaptiveCard } from './support/check-adaptive-card';
import { findTexts } from './support/find-texts';

function firstSentence(card: { body: unknown[] }): string {
  return findTexts(card.body[0])
    .map((text) => text.text)
    .join('');
}

describe('buildNoMatchCard', () => {
  it('echoes the query literally inside the sentence, in a TextRun', () => {
    const query = '*e7* [x](y) ${query}';

    const card = renderCard('no-match', buildNoMatchCard(query, []));

    assert.equal(firstSentence(card), 'I couldn\'t find a license matching “*e7* [x](y) ${query}” in this tenant.');
    assert.equal(findTexts(card).find((text) => text.text === query)?.type, 'TextRun');
  });

  it('offers at most three suggestions as buttons that ask about the product', () => {
    const card = renderCard('no-match', buildNoMatchCard('e7', ['Microsoft 365 E5', 'Microsoft 365 E3', 'Office 365 E1', 'Office 365 E5']));

    const json = JSON.stringify(card);
    const titles = findTexts(card).filter((text) => text.type === 'Action').map((text) => text.text);
    assert.deepEqual(titles, ['Microsoft 365 E5', 'Microsoft 365 E3', 'Office 365 E1', 'All licenses']);
    assert.ok(json.includes('{"msteams":{"type":"imBack","value":"Microsoft 365 E3"}}'));
    assert.deepEqual(checkAdaptiveCard(card), []);
  });

  it('suggests asking differently when nothing comes close', () => {
    const card = renderCard('no-match', buildNoMatchCard('zzz', []));

    assert.ok(findTexts(card).some((text) => text.text.startsWith('Try a product name')));
    assert.ok(!JSON.stringify(card).includes('ActionSet'));
    assert.deepEqual(checkAdaptiveCard(card), []);
  });

  it('shortens a very long query', () => {
    const card = buildNoMatchCard('x'.repeat(5_000), []);

    assert.equal(Array.from(card.query).length, 80);
    assert.ok(card.query.endsWith('…'));
  });
});

describe('summarizeNoMatch', () => {
  it('gives the sentence and the suggestions in plain text', () => {
    assert.equal(
      summarizeNoMatch('e7', ['Microsoft 365 E5', 'Office 365 E1']),
      'I couldn\'t find a license matching “e7” in this tenant. Did you mean Microsoft 365 E5, Office 365 E1?',
    );
  });
});
