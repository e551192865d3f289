import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { ChatReply } from '../cards/chat-reply';
import type { Logger } from '../logger';

const MAX_CACHED = 2000;
/** Teams user ids (MRIs) already, e.g. `29:1a2b...` or `8:orgid:...`. */
const MRI = /^(?:\d+|\w+):/;

/**
 * Card templates name the users a card refreshes for by their Entra object id, the identity the rest
 * of Headroom knows. Teams wants user MRIs in `refresh.userIds`, and an MRI is specific to the bot, so
 * the translation happens here, in the conversation the card goes to. Users who cannot be looked up are
 * left out; when none remain the list is dropped, so that Teams refreshes the card for everyone in
 * chats and channels of up to 60 people.
 */
export class TeamsRefreshUserIds {
  private readonly mris = new Map<string, string>();

  constructor(private readonly logger: Logger) {}

  async apply(context: TurnContext, reply: ChatReply): Promise<ChatReply> {
    const refresh = reply.card.refresh;
    if (!isRecord(refresh) || !Array.isArray(refresh.userIds) || refresh.userIds.length === 0) {
      return reply;
    }
    const ids = refresh.userIds.filter((id): id is string => typeof id === 'string');
    const resolved = await Promise.all(ids.map((id) => (MRI.test(id) ? Promise.resolve(id) : this.lookUp(context, id))));
    const userIds = resolved.filter((id): id is string => id !== null);
    const nextRefresh: Record<string, unknown> = { ...refresh, userIds };
    if (userIds.length === 0) {
      delete nextRefresh.userIds;
    }
    return { ...reply, card: { ...reply.card, refresh: nextRefresh } };
  }

  private async lookUp(context: TurnContext, aadObjectId: string): Promise<string | null> {
    const cached = this.mris.get(aadObjectId);
    if (cached !== undefined) {
      return cached;
    }
    try {
      const member = await TeamsInfo.getMember(context, aadObjectId);
      if (this.mris.size >= MAX_CACHED) {
        this.mris.clear();
      }
      this.mris.set(aadObjectId, member.id);
      return member.id;
    } catch (error) {
      this.logger.debug('could not look up a Teams user for card refresh; leaving them out', { aadObjectId, error });
      return null;
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
