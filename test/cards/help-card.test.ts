import assert from 'node:assert/strict';
import { buildHelpCard, summarizeHelp } from '../../src/cards/help-card';
import { renderCard } from '../../src/cards/render-card';
import { findTexts } from './support/find-texts';

describe('buildHelpCard', () => {
  it('lists every command', () => {
    const texts = findTexts(renderCard('help', buildHelpCard())).map((text) => text.text);

    for (const command of ['licenses', 'status', 'how many E3 left?', 'e5', 'power bi pro', 'shortfalls', 'reclaim', 'who can give back E3?', 'can I assign 20 E3?', 'alerts', 'watch here', 'unwatch', 'alert <product> below <n>', 'alert <product> below <n>%', 'mute <product>', 'unmute <product>', 'reservations', 'help']) {
      assert.ok(texts.includes(command), `missing ${command}`);
    }
  });

  it('quotes what it did not understand, literally', () => {
    const texts = findTexts(renderCard('help', buildHelpCard({ unrecognized: 'make me **admin** ${x}' }))).map((text) => text.text);

    assert.deepEqual(texts.slice(1, 4), ['I didn\'t understand “', 'make me **admin** ${x}', '”. Here is what I can do.']);
  });

  it('says nothing about a misunderstanding when help was asked for', () => {
    const texts = findTexts(renderCard('help', buildHelpCard())).map((text) => text.text);

    assert.ok(!texts.some((text) => text.includes('understand')));
  });
});

describe('summarizeHelp', () => {
  it('is one plain-text line', () => {
    const summary = summarizeHelp({ unrecognized: 'foo\nbar' });

    assert.ok(!summary.includes('\n'));
    assert.ok(summary.startsWith('I didn\'t understand “foo bar”: ask'));
  });
});
