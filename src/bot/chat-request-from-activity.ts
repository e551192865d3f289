import { TurnContext, type Activity } from 'botbuilder';
import type { ChatRequest, ConversationKind } from '../chat/chat-request';

interface TeamsChannelData {
  tenant?: { id?: unknown };
  team?: { id?: unknown };
}

/** The tenant an activity comes from: Teams puts it on the conversation and in channelData. */
export function tenantIdOf(activity: Partial<Activity>): string | null {
  const fromConversation = activity.conversation?.tenantId;
  if (typeof fromConversation === 'string' && fromConversation !== '') {
    return fromConversation;
  }
  const channelData = activity.channelData as TeamsChannelData | undefined;
  const fromChannelData = channelData?.tenant?.id;
  return typeof fromChannelData === 'string' && fromChannelData !== '' ? fromChannelData : null;
}

function kindOf(activity: Partial<Activity>): ConversationKind {
  const type = activity.conversation?.conversationType;
  return type === 'channel' || type === 'groupChat' ? type : 'personal';
}

/** Translates an incoming message activity into the framework-free request Headroom answers. */
export function chatRequestFromActivity(activity: Activity): ChatRequest {
  const channelData = activity.channelData as TeamsChannelData | undefined;
  const teamId = channelData?.team?.id;
  const text = TurnContext.removeRecipientMention(activity) ?? activity.text ?? '';
  return {
    text: text.replace(/<[^>]*>/g, ' ').replace(/&nbsp;/g, ' ').trim(),
    tenantId: tenantIdOf(activity) ?? '',
    user: {
      aadObjectId: typeof activity.from?.aadObjectId === 'string' ? activity.from.aadObjectId : null,
      name: activity.from?.name ?? 'someone',
    },
    conversation: {
      id: activity.conversation.id,
      kind: kindOf(activity),
      teamId: typeof teamId === 'string' ? teamId : null,
    },
  };
}
