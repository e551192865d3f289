import assert from 'node:assert/strict';
import { ConversationPacer } from '../../src/delivery/conversation-pacer';

describe('ConversationPacer', () => {
  it('lets seven messages a second through and holds the eighth until the first leaves the window', () => {
    const pacer = new ConversationPacer();
    for (let i = 0; i < 7; i += 1) {
      pacer.record('a', 1_000 + i * 10);
    }

    assert.equal(pacer.delayFor('a', 1_070), 1_000 - 70);
  });

  it('holds the 61st message in 30 seconds', () => {
    const pacer = new ConversationPacer();
    for (let i = 0; i < 60; i += 1) {
      pacer.record('a', i * 200);
    }

    assert.equal(pacer.delayFor('a', 12_000), 30_000 - 12_000);
  });

  it('paces each conversation on its own', () => {
    const pacer = new ConversationPacer();
    for (let i = 0; i < 7; i += 1) {
      pacer.record('a', 0);
    }

    assert.equal(pacer.delayFor('b', 0), 0);
  });
});
