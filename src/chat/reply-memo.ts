import type { ChatReply } from '../cards/chat-reply';

const MAX_REPLIES_PER_FIGURES = 64;

/**
 * Remembers the replies built from one set of figures, keyed by what else shaped them (the question,
 * the data-age wording). Many people ask the same few questions of the same data; building and
 * rendering the card once per data version is enough. The figures object is the version: a new
 * snapshot or a change in holds or mutes produces a new one, and the old replies go with it.
 */
export class ReplyMemo {
  private readonly byFigures = new WeakMap<object, Map<string, ChatReply>>();

  async reply(figures: object, key: string, build: () => Promise<ChatReply>): Promise<ChatReply> {
    let replies = this.byFigures.get(figures);
    if (replies === undefined) {
      replies = new Map();
      this.byFigures.set(figures, replies);
    }
    const known = replies.get(key);
    if (known !== undefined) {
      return known;
    }
    const built = await build();
    if (replies.size >= MAX_REPLIES_PER_FIGURES) {
      const oldest = replies.keys().next();
      if (oldest.done !== true) {
        replies.delete(oldest.value);
      }
    }
    replies.set(key, built);
    return built;
  }
}
