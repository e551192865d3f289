import assert from 'node:assert/strict';
import { renderCard } from '../../src/cards/render-card';
import { buildWelcomeCard, summarizeWelcome } from '../../src/cards/welcome-card';
import { checkAdaptiveCard, markdownRequests } from './support/check-adaptive-card';
import { findTexts } from './support/find-texts';

function textsOf(card: ReturnType<typeof renderCard>): string[] {
  return findTexts(card).map((text) => text.text);
}

describe('buildWelcomeCard', () => {
  it('tells a team that an admin says "watch here" in a channel, and names the team literally in a TextRun', () => {
    const teamName = '**IT** [Ops](https://evil.example) ${scope}';

    const card = renderCard('welcome', buildWelcomeCard('team', teamName));

    const texts = findTexts(card);
    assert.ok(texts.some((text) => /an admin @mentions me there and says “watch here”/.test(text.text)));
    assert.deepEqual(texts.filter((text) => text.text === teamName).map((text) => text.type), ['TextRun']);
    assert.deepEqual(checkAdaptiveCard(card), []);
    assert.deepEqual(markdownRequests, []);
  });

  it('tells a group chat that warnings can come to this chat', () => {
    const texts = textsOf(renderCard('welcome', buildWelcomeCard('groupChat', 'ignored outside teams')));

    assert.ok(texts.some((text) => /warnings in this chat/.test(text)));
    assert.ok(!texts.includes('ignored outside teams'));
  });

  it('points a personal chat to adding Headroom to a team', () => {
    const texts = textsOf(renderCard('welcome', buildWelcomeCard('personal')));

    assert.ok(texts.some((text) => /add me to a team/.test(text)));
    assert.ok(!texts.some((text) => /Thanks for adding me/.test(text)));
  });
});

describe('summarizeWelcome', () => {
  it('mentions "watch here"', () => {
    assert.match(summarizeWelcome('team'), /"watch here"/);
  });
});
