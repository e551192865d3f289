import assert from 'node:assert/strict';
import { buildMessageCard, summarizeMessage } from '../../src/cards/message-card';
import { renderCard } from '../../src/cards/render-card';
import { checkAdaptiveCard } from './support/check-adaptive-card';
import { findTexts } from './support/find-texts';

describe('buildMessageCard', () => {
  it('shows the title in the tone colour, the text and each detail as its own paragraph', () => {
    const card = renderCard(
      'message',
      buildMessageCard({ title: 'Headroom cannot start', text: 'Fix these settings:', details: ['MICROSOFT_APP_ID is missing', 'PORT is not a number'], tone: 'attention' }),
    );

    const texts = findTexts(card);
    assert.deepEqual(texts.map((text) => text.text), ['Headroom cannot start', 'Fix these settings:', 'MICROSOFT_APP_ID is missing', 'PORT is not a number']);
    assert.equal(texts[0].color, 'attention');
    assert.ok(texts.every((text) => text.type === 'TextRun'));
    assert.deepEqual(checkAdaptiveCard(card), []);
  });

  it('leaves out an empty text', () => {
    const card = renderCard('message', buildMessageCard({ title: 'Muted', text: '' }));

    assert.deepEqual(findTexts(card).map((text) => text.text), ['Muted']);
  });
});

describe('summarizeMessage', () => {
  it('joins title and text on one line', () => {
    assert.equal(summarizeMessage({ title: 'Not allowed', text: 'Only Headroom admins\ncan approve reservations.' }), 'Not allowed: Only Headroom admins can approve reservations.');
  });
});
