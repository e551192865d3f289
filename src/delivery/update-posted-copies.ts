import type { ChatReply } from '../cards/chat-reply';
import type { Logger } from '../logger';
import type { ChannelSender } from './channel-sender';

/** A card posted to several places: conversation id -> the activity id of its copy there. */
export type PostedCopies = Readonly<Record<string, string>>;

/**
 * Replaces every posted copy of a card with `reply`, all at once. A copy that cannot be updated is
 * logged (with `context`, naming the card) and skipped: the card's refresh action brings it up to date
 * the next time someone looks at it. Resolves with how many copies were updated.
 */
export async function updatePostedCopies(
  channels: ChannelSender | null,
  copies: PostedCopies,
  reply: ChatReply,
  logger: Logger,
  failure: { message: string; context: Record<string, unknown> },
): Promise<number> {
  if (channels === null) {
    return 0;
  }
  const entries = Object.entries(copies);
  const results = await Promise.allSettled(entries.map(([conversationId, activityId]) => channels.update(conversationId, activityId, reply)));
  let updated = 0;
  results.forEach((result, index) => {
    if (result.status === 'fulfilled') {
      updated += 1;
    } else {
      logger.warn(failure.message, { ...failure.context, conversationId: entries[index]?.[0], error: result.reason });
    }
  });
  return updated;
}
