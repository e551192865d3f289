import assert from 'node:assert/strict';
import type { ChatReply } from '../../src/cards/chat-reply';
import { ReplyMemo } from '../../src/chat/reply-memo';

describe('ReplyMemo', () => {
  function counter(): { build: () => Promise<ChatReply>; calls: () => number } {
    let calls = 0;
    return {
      build: async () => {
        calls += 1;
        return { card: { n: calls }, summary: `reply ${calls}` };
      },
      calls: () => calls,
    };
  }

  it('builds a reply once per figures object and key', async () => {
    const memo = new ReplyMemo();
    const figures = {};
    const { build, calls } = counter();

    const first = await memo.reply(figures, 'e3', build);
    const second = await memo.reply(figures, 'e3', build);

    assert.equal(second, first);
    assert.equal(calls(), 1);
  });

  it('builds again for another key or for new figures', async () => {
    const memo = new ReplyMemo();
    const figures = {};
    const { build, calls } = counter();

    await memo.reply(figures, 'e3', build);
    await memo.reply(figures, 'e5', build);
    await memo.reply({}, 'e3', build);

    assert.equal(calls(), 3);
  });

  it('keeps a bounded number of replies per figures object, dropping the oldest', async () => {
    const memo = new ReplyMemo();
    const figures = {};
    const { build, calls } = counter();
    for (let i = 0; i < 65; i += 1) {
      await memo.reply(figures, `q${i}`, build);
    }

    await memo.reply(figures, 'q64', build);
    await memo.reply(figures, 'q0', build);

    assert.equal(calls(), 66);
  });
});
