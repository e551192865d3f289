import type { CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import type { ChatReply } from '../cards/chat-reply';
import type { ChannelSender } from '../delivery/channel-sender';
import { DeliveryError } from '../delivery/delivery-error';
import type { ConversationReferenceStore } from '../delivery/conversation-reference-store';
import { cardMessage } from './card-message';
import type { TeamsRefreshUserIds } from './teams-refresh-user-ids';

export interface ProactiveChannelSenderOptions {
  adapter: Pick<CloudAdapter, 'continueConversationAsync'>;
  /** MicrosoftAppId; null in local mode, where botbuilder is given '' and calls the connector without a token. */
  appId: string | null;
  store: Pick<ConversationReferenceStore, 'getConversationReference'>;
  /** Translates `refresh.userIds` on cards to Teams user ids in the target conversation. */
  refreshUserIds?: TeamsRefreshUserIds;
}

/**
 * Posts cards to conversations Headroom has seen before, through the stored Bot Framework
 * conversation reference and `continueConversationAsync`.
 *
 * botbuilder hands any error thrown inside a proactive turn to the adapter's `onTurnError`, which
 * logs and swallows it, so the error is caught inside the turn and rethrown afterwards as a
 * `DeliveryError` with the connector's HTTP status and Retry-After.
 */
export class ProactiveChannelSender implements ChannelSender {
  constructor(private readonly options: ProactiveChannelSenderOptions) {}

  async send(conversationId: string, reply: ChatReply): Promise<{ activityId: string }> {
    let activityId = '';
    await this.inConversation(conversationId, async (context) => {
      const response = await context.sendActivity(cardMessage(await this.forTeams(context, reply)));
      activityId = response?.id ?? '';
    });
    return { activityId };
  }

  async update(conversationId: string, activityId: string, reply: ChatReply): Promise<void> {
    await this.inConversation(conversationId, async (context) => {
      await context.updateActivity({ ...cardMessage(await this.forTeams(context, reply)), id: activityId });
    });
  }

  private forTeams(context: TurnContext, reply: ChatReply): Promise<ChatReply> {
    return this.options.refreshUserIds ? this.options.refreshUserIds.apply(context, reply) : Promise.resolve(reply);
  }

  private async inConversation(conversationId: string, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const stored = await this.options.store.getConversationReference(conversationId);
    if (stored === null || !isReference(stored.reference)) {
      throw new DeliveryError(`No conversation reference is stored for ${conversationId}`, null, null, { permanent: true });
    }
    const reference = newPostReference(stored.reference);
    let failure: unknown = null;
    try {
      await this.options.adapter.continueConversationAsync(this.options.appId ?? '', reference, async (context) => {
        try {
          await logic(context);
        } catch (error) {
          failure = error;
        }
      });
    } catch (error) {
      failure = error;
    }
    if (failure !== null) {
      throw toDeliveryError(failure, conversationId);
    }
  }
}

function isReference(value: unknown): value is Partial<ConversationReference> {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const record = value as Record<string, unknown>;
  const conversation = record.conversation as Record<string, unknown> | undefined;
  return typeof record.serviceUrl === 'string' && typeof conversation === 'object' && conversation !== null && typeof conversation.id === 'string';
}

/**
 * Alerts start a new post rather than replying to the message the reference was saved from: the
 * activity id is dropped (botbuilder would otherwise reply to it), and so is the `;messageid=...` a
 * channel thread adds to its conversation id.
 */
function newPostReference(reference: Partial<ConversationReference>): Partial<ConversationReference> {
  const rest = { ...reference };
  delete rest.activityId;
  const conversation = rest.conversation;
  if (conversation === undefined || !conversation.id.includes(';messageid=')) {
    return rest;
  }
  return { ...rest, conversation: { ...conversation, id: conversation.id.split(';messageid=')[0] } };
}

function toDeliveryError(error: unknown, conversationId: string): DeliveryError {
  if (error instanceof DeliveryError) {
    return error;
  }
  const status = statusOf(error);
  const message = error instanceof Error ? error.message : String(error);
  return new DeliveryError(
    `The connector refused a message to ${conversationId}${status === null ? '' : ` (HTTP ${status})`}: ${message}`.slice(0, 500),
    status,
    retryAfterOf(error),
    { cause: error },
  );
}

/** `statusCode` as the connector client's RestError carries it (older versions: `status`). */
function statusOf(error: unknown): number | null {
  if (typeof error !== 'object' || error === null) {
    return null;
  }
  const record = error as Record<string, unknown>;
  const response = record.response as Record<string, unknown> | undefined;
  for (const candidate of [record.statusCode, record.status, response?.status]) {
    if (typeof candidate === 'number' && Number.isInteger(candidate) && candidate >= 100) {
      return candidate;
    }
  }
  return null;
}

/** Retry-After in seconds (a number of seconds or an HTTP date), from the error's response headers. */
function retryAfterOf(error: unknown): number | null {
  if (typeof error !== 'object' || error === null) {
    return null;
  }
  const response = (error as Record<string, unknown>).response as Record<string, unknown> | undefined;
  const headers = response?.headers;
  let value: unknown = null;
  if (typeof headers === 'object' && headers !== null) {
    const get = (headers as { get?: unknown }).get;
    value = typeof get === 'function' ? (get as (name: string) => unknown).call(headers, 'retry-after') : (headers as Record<string, unknown>)['retry-after'];
  }
  if (typeof value !== 'string' || value.trim() === '') {
    return null;
  }
  const seconds = Number(value.trim());
  if (Number.isFinite(seconds) && seconds >= 0) {
    return seconds;
  }
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, Math.ceil((date - Date.now()) / 1000)) : null;
}
