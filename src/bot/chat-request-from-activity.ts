import type { Activity } from 'botbuilder';
import type { ChatRequest, ConversationKind } from '../chat/chat-request';
import { MAX_CHAT_TEXT_LENGTH, MAX_RAW_CHAT_TEXT_LENGTH } from '../chat/chat-text-limit';
import { replaceUnsafeCharacters } from '../text/replace-unsafe-characters';

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

/** The longest mention text (`<at>Headroom</at>`) removed from a message; a bot name is far shorter. */
const MAX_MENTION_LENGTH = 300;

/**
 * The texts of the entities that @mention the activity's recipient (the bot). Done here rather than
 * with `TurnContext.removeRecipientMention`, whose pattern over the mention text is not linear and
 * which throws on a `text` that is not a string.
 */
function recipientMentions(activity: Activity): string[] {
  const botId = activity.recipient?.id;
  const entities: unknown[] = Array.isArray(activity.entities) ? activity.entities : [];
  return entities.flatMap((entity) => {
    const mention = entity as { type?: unknown; text?: unknown; mentioned?: { id?: unknown } };
    return mention.type === 'mention' && mention.mentioned?.id === botId && typeof mention.text === 'string' && mention.text !== '' && mention.text.length <= MAX_MENTION_LENGTH
      ? [mention.text]
      : [];
  });
}

/**
 * The message as Headroom reads it, in work linear in its length: at most MAX_RAW_CHAT_TEXT_LENGTH
 * characters of the raw text are looked at; the bot's @mention, markup tags and `&nbsp;` go; control
 * characters and lone surrogates become U+FFFD (the text rule); and a result over
 * MAX_CHAT_TEXT_LENGTH is cut and marked too long. A `text` that is not a string reads as empty.
 */
function readableText(activity: Activity): { text: string; tooLong: boolean } {
  const raw: unknown = activity.text;
  if (typeof raw !== 'string') {
    return { text: '', tooLong: false };
  }
  let text = raw.slice(0, MAX_RAW_CHAT_TEXT_LENGTH);
  for (const mention of recipientMentions(activity)) {
    text = text.split(mention).join(' ');
  }
  text = replaceUnsafeCharacters(text.replace(/<[^<>]*>/g, ' ').replace(/&nbsp;/g, ' ')).trim();
  const tooLong = raw.length > MAX_RAW_CHAT_TEXT_LENGTH || text.length > MAX_CHAT_TEXT_LENGTH;
  return { text: text.slice(0, MAX_CHAT_TEXT_LENGTH), tooLong };
}

/** Translates an incoming message activity into the framework-free request Headroom answers. */
export function chatRequestFromActivity(activity: Activity): ChatRequest {
  const channelData = activity.channelData as TeamsChannelData | undefined;
  const teamId = channelData?.team?.id;
  const { text, tooLong } = readableText(activity);
  return {
    text,
    ...(tooLong ? { tooLong } : {}),
    tenantId: tenantIdOf(activity) ?? '',
    user: {
      aadObjectId: typeof activity.from?.aadObjectId === 'string' ? activity.from.aadObjectId : null,
      name: typeof activity.from?.name === 'string' && activity.from.name !== '' ? replaceUnsafeCharacters(activity.from.name) : 'someone',
    },
    conversation: {
      id: activity.conversation.id,
      kind: kindOf(activity),
      teamId: typeof teamId === 'string' ? teamId : null,
    },
  };
}
