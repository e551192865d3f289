import type { Activity, AdaptiveCardInvokeResponse, InvokeResponse, TurnContext } from 'botbuilder';
import { buildMessageCard, summarizeMessage } from '../cards/message-card';
import { renderCard } from '../cards/render-card';
import type { CardActionOutcome, CardActionRequest } from '../chat/card-action';
import type { CardActionRegistry } from '../chat/card-action-registry';
import type { Logger } from '../logger';
import { checkTextInValue } from '../text/check-text-in-value';
import { cardMessage } from './card-message';
import { tenantIdOf } from './chat-request-from-activity';
import type { TeamsRefreshUserIds } from './teams-refresh-user-ids';

const CARD_TYPE = 'application/vnd.microsoft.card.adaptive';
const ERROR_TYPE = 'application/vnd.microsoft.error';

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function requestOf(activity: Activity, verb: unknown, data: unknown): CardActionRequest {
  return {
    verb: typeof verb === 'string' ? verb : '',
    data,
    tenantId: tenantIdOf(activity) ?? '',
    actor: {
      aadObjectId: typeof activity.from?.aadObjectId === 'string' ? activity.from.aadObjectId : null,
      name: typeof activity.from?.name === 'string' && activity.from.name.trim() !== '' ? activity.from.name : 'someone',
    },
  };
}

/**
 * The bot edge of card actions. Universal Actions (`adaptiveCard/action` invokes from `Action.Execute`
 * and the card's `refresh`) are always answered with HTTP 200 and the `{ statusCode, type, value }`
 * body Teams expects: the updated card, or an error with a code and a message, including for
 * malformed or tampered values and for failures Headroom did not expect. `Action.Submit` (the
 * fallback for clients without Universal Actions) arrives as a message whose value names a verb.
 * Both go to the verb's handler in the registry the features filled; this edge knows no feature.
 */
export class CardActionHandler {
  constructor(
    private readonly registry: Pick<CardActionRegistry, 'handles' | 'dispatch'>,
    private readonly logger: Logger,
    private readonly refreshUserIds?: TeamsRefreshUserIds,
  ) {}

  /** Answers an `adaptiveCard/action` invoke. Never throws. */
  async invoke(context: TurnContext): Promise<InvokeResponse<AdaptiveCardInvokeResponse>> {
    const action = record(record(context.activity.value).action);
    const body = await this.outcomeBody(context, requestOf(context.activity, action.verb, action.data));
    return { status: 200, body };
  }

  /** True for a message sent by an `Action.Submit` fallback of a card whose verb some feature registered. */
  isSubmit(activity: Activity): boolean {
    return activity.type === 'message' && this.registry.handles(record(activity.value).verb);
  }

  /** Handles an `Action.Submit` fallback: updates the clicked card, or replies with the error. */
  async submit(context: TurnContext): Promise<void> {
    const value = record(context.activity.value);
    let outcome: CardActionOutcome;
    try {
      outcome = await this.dispatchChecked(requestOf(context.activity, value.verb, value));
    } catch (error) {
      this.logger.error('a card action failed', { error, verb: value.verb });
      outcome = { kind: 'error', statusCode: 500, code: 'InternalError', message: "Something went wrong on Headroom's side; the details are in its log. Please try again." };
    }
    if (outcome.kind === 'card') {
      const replyToId = context.activity.replyToId;
      if (typeof replyToId === 'string' && replyToId !== '') {
        await context.updateActivity({ ...cardMessage(outcome.reply), id: replyToId });
      } else {
        await context.sendActivity(cardMessage(outcome.reply));
      }
      return;
    }
    const message = { title: 'Nothing was changed', text: outcome.message, tone: 'attention' as const };
    await context.sendActivity(cardMessage({ card: renderCard('message', buildMessageCard(message)), summary: summarizeMessage(message) }));
  }

  /** Card data is input like any other: text that breaks the text rule is refused before anything is decided. */
  private dispatchChecked(request: CardActionRequest): Promise<CardActionOutcome> {
    const problem = checkTextInValue(request.data, 'data');
    if (problem !== null) {
      this.logger.warn('refused a card action whose data breaks the text rule', { verb: request.verb, problem });
      return Promise.resolve({ kind: 'error', statusCode: 400, code: 'BadRequest', message: `This card's data cannot be used: ${problem}. Nothing was changed.` });
    }
    return this.registry.dispatch(request);
  }

  private async outcomeBody(context: TurnContext, request: CardActionRequest): Promise<AdaptiveCardInvokeResponse> {
    try {
      const outcome = await this.dispatchChecked(request);
      if (outcome.kind === 'card') {
        const reply = this.refreshUserIds ? await this.refreshUserIds.apply(context, outcome.reply) : outcome.reply;
        return { statusCode: 200, type: CARD_TYPE, value: reply.card };
      }
      return { statusCode: outcome.statusCode, type: ERROR_TYPE, value: { code: outcome.code, message: outcome.message } };
    } catch (error) {
      this.logger.error('a card action failed', { error, verb: request.verb });
      return {
        statusCode: 500,
        type: ERROR_TYPE,
        value: { code: 'InternalError', message: "Something went wrong on Headroom's side; the details are in its log. Please try again." },
      };
    }
  }
}
