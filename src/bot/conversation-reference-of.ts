import { TurnContext, type Activity } from 'botbuilder';
import { placeIdOf } from '../chat/place-id-of';
import type { ConversationMeta } from '../delivery/conversation-reference';
import { tenantIdOf } from './chat-request-from-activity';

interface TeamsChannelData {
  team?: { id?: unknown; name?: unknown };
  channel?: { id?: unknown; name?: unknown };
}

/** A conversation reference ready to store, keyed the way watched places are. */
export interface ConversationToRemember {
  conversationId: string;
  reference: Record<string, unknown>;
  meta: ConversationMeta;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/**
 * The reference Headroom needs to post to an activity's conversation later. A channel thread's
 * `;messageid=` is dropped and so is the incoming activity id, so proactive messages start a new post in
 * the channel instead of replying in someone's thread. Null when the activity names no conversation.
 */
export function conversationReferenceOf(activity: Partial<Activity>): ConversationToRemember | null {
  const rawId = activity.conversation?.id;
  if (typeof rawId !== 'string' || rawId === '' || typeof activity.serviceUrl !== 'string' || activity.serviceUrl === '') {
    return null;
  }
  const conversationId = placeIdOf(rawId);
  const reference: Record<string, unknown> = { ...TurnContext.getConversationReference(activity) };
  delete reference.activityId;
  reference.conversation = { ...activity.conversation, id: conversationId };

  const channelData = activity.channelData as TeamsChannelData | undefined;
  const teamId = text(channelData?.team?.id);
  // Teams leaves the name out for a team's General channel, whose id is the team's id.
  const channelName = text(channelData?.channel?.name) ?? (teamId !== null && teamId === conversationId ? 'General' : null);
  return {
    conversationId,
    reference,
    meta: {
      tenantId: tenantIdOf(activity) ?? '',
      conversationType: text(activity.conversation?.conversationType) ?? 'personal',
      teamId,
      channelName,
    },
  };
}
