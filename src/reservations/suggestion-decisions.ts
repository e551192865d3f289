import type { AccessPolicy } from '../access/access-policy';
import { deciderName, formatDecisionTime, type SuggestionCardOptions } from './suggestion-card';
import type { StyledText } from '../cards/styled-text';
import type { CardActionOutcome, CardActionRequest } from '../chat/card-action';
import type { ChatReply } from '../cards/chat-reply';
import type { ChannelSender } from '../delivery/channel-sender';
import { ConflictError, ForbiddenError, HeadroomError, NotFoundError, UnavailableError, ValidationError } from '../errors';
import type { LicenseService } from '../licenses/license-service';
import type { Logger } from '../logger';
import type { NewOutboxMessage } from '../delivery/outbox-message';
import type { SuggestionStore } from './suggestion-store';
import type { Suggestion, SuggestionTransition } from './suggestion';
import { isReservationVerb, RESERVATION_VERBS, type ReservationVerb } from './card-verbs';
import { parseRequestedQuantity } from './parse-requested-quantity';
import { buildReservationWebhookPayload } from './reservation-webhook-payload';
import { suggestionReply } from './suggestion-reply';
import { updateSuggestionCopies } from './update-suggestion-copies';

export interface SuggestionDecisionsOptions {
  store: Pick<SuggestionStore, 'getSuggestion' | 'transitionSuggestion'>;
  access: AccessPolicy;
  /** Seats purchased at approval, to recognise the purchase later. */
  licenses: Pick<LicenseService, 'figures'>;
  /** Updates the posted copies of a card; null when there is no bot to post with. */
  channels: ChannelSender | null;
  logger: Logger;
  /** RESERVATION_WEBHOOK_URL; null when no webhook is configured. */
  webhookUrl: string | null;
  card: Omit<SuggestionCardOptions, 'notice'>;
  now: () => Date;
}

const SUGGESTION_ID = /^[A-Za-z0-9-]{1,100}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

const VERB_WORD: Record<Exclude<ReservationVerb, 'reservation.refresh'>, string> = {
  [RESERVATION_VERBS.approve]: 'approve',
  [RESERVATION_VERBS.decline]: 'decline',
  [RESERVATION_VERBS.snooze]: 'snooze',
};

/**
 * Approves, declines and snoozes suggestions from their cards. The acting user must be an approver
 * (`AccessPolicy.isApprover`); the suggestion is reloaded from the store and the card's data is used
 * only for the suggestion id and, on approval, the quantity (a whole number from 1 to 100,000). Each
 * decision is one conditional store transition from `proposed`, so of two simultaneous clicks one
 * wins and the other sees who decided and when. An approval enqueues the procurement webhook in the
 * same transaction. After a decision every posted copy of the card is updated.
 */
export class SuggestionDecisions {
  constructor(private readonly options: SuggestionDecisionsOptions) {}

  async decide(request: CardActionRequest): Promise<CardActionOutcome> {
    try {
      return await this.run(request);
    } catch (error) {
      if (error instanceof HeadroomError) {
        return errorOutcome(error);
      }
      throw error;
    }
  }

  private async run(request: CardActionRequest): Promise<CardActionOutcome> {
    const { verb } = request;
    if (!isReservationVerb(verb)) {
      throw new ValidationError('Headroom does not know this card action.');
    }
    const id = readSuggestionId(request.data);
    if (verb === RESERVATION_VERBS.refresh) {
      return this.cardOf(await this.load(id));
    }
    const word = VERB_WORD[verb];
    if (!(await this.options.access.isApprover(request.actor.aadObjectId))) {
      this.options.logger.info('refused a reservation decision from a user who is not an approver', { verb, suggestionId: id, user: request.actor.aadObjectId });
      throw new ForbiddenError(`Only license approvers can ${word} reservation suggestions. Nothing was changed.`);
    }
    const suggestion = await this.load(id);
    const quantity = verb === RESERVATION_VERBS.approve ? requestedQuantity(request.data, suggestion.quantity) : undefined;
    if (suggestion.status !== 'proposed') {
      return this.cardOf(suggestion, noticeFor(suggestion));
    }
    const at = this.options.now();
    const transition = await this.transitionFor(verb, suggestion, request, at, quantity);
    const result = await this.options.store.transitionSuggestion(id, transition);
    if (!result.ok) {
      return this.cardOf(result.current, noticeFor(result.current));
    }
    this.options.logger.info('reservation suggestion decided', { suggestionId: id, status: result.suggestion.status, quantity: result.suggestion.quantity, by: request.actor.aadObjectId });
    const reply = this.replyFor(result.suggestion);
    await updateSuggestionCopies(this.options.channels, result.suggestion, reply, this.options.logger);
    return { kind: 'card', reply };
  }

  private async transitionFor(
    verb: ReservationVerb,
    suggestion: Suggestion,
    request: CardActionRequest,
    at: Date,
    quantity: number | undefined,
  ): Promise<SuggestionTransition> {
    const base = {
      from: ['proposed'] as const,
      actor: request.actor.aadObjectId ?? 'unknown',
      actorName: request.actor.name,
      at: at.toISOString(),
    };
    if (verb === RESERVATION_VERBS.decline) {
      return { ...base, to: 'declined' };
    }
    if (verb === RESERVATION_VERBS.snooze) {
      return { ...base, to: 'snoozed', snoozedUntil: new Date(at.getTime() + this.options.card.snoozeDays * DAY_MS).toISOString() };
    }
    const approved: Suggestion = {
      ...suggestion,
      status: 'approved',
      quantity: quantity ?? suggestion.quantity,
      decidedBy: base.actor,
      decidedByName: base.actorName,
      decidedAt: base.at,
    };
    const outbox: NewOutboxMessage[] =
      this.options.webhookUrl === null
        ? []
        : [
            {
              kind: 'webhook',
              target: this.options.webhookUrl,
              payload: buildReservationWebhookPayload(approved, request.tenantId),
              dedupeKey: `suggestion:${suggestion.id}:approved:webhook`,
              notBefore: base.at,
            },
          ];
    const purchased = await this.purchasedNow(suggestion.skuId);
    return {
      ...base,
      to: 'approved',
      quantity: approved.quantity,
      ...(purchased === null ? {} : { purchasedAtApproval: purchased }),
      outbox,
    };
  }

  /** Seats purchased now, so fulfilment can be recognised; null when Graph cannot say. */
  private async purchasedNow(skuId: string): Promise<number | null> {
    try {
      const { figures } = await this.options.licenses.figures();
      return figures.find((sku) => sku.skuId.toLowerCase() === skuId.toLowerCase())?.purchased ?? null;
    } catch (error) {
      this.options.logger.warn('could not read purchased seats at approval; fulfilment falls back to the next snapshot', { skuId, error });
      return null;
    }
  }

  private async load(id: string): Promise<Suggestion> {
    const suggestion = await this.options.store.getSuggestion(id);
    if (suggestion === null) {
      throw new NotFoundError('Headroom has no reservation suggestion with this id; the card may come from another Headroom installation.');
    }
    return suggestion;
  }

  private replyFor(suggestion: Suggestion, notice: StyledText | null = null): ChatReply {
    return suggestionReply(suggestion, { ...this.options.card, notice });
  }

  private cardOf(suggestion: Suggestion, notice: StyledText | null = null): CardActionOutcome {
    return { kind: 'card', reply: this.replyFor(suggestion, notice) };
  }
}

function readSuggestionId(data: unknown): string {
  const id = typeof data === 'object' && data !== null ? (data as Record<string, unknown>).suggestionId : undefined;
  if (typeof id !== 'string' || !SUGGESTION_ID.test(id)) {
    throw new ValidationError('This card does not name a reservation suggestion Headroom knows.');
  }
  return id;
}

/** The quantity typed into the card; the suggested one when the card sent none. */
function requestedQuantity(data: unknown, suggested: number): number {
  const record = data as Record<string, unknown>;
  return 'quantity' in record && record.quantity !== undefined ? parseRequestedQuantity(record.quantity) : suggested;
}

/** What the second of two clicks (or a click on an old copy) is told. */
function noticeFor(suggestion: Suggestion): StyledText {
  switch (suggestion.status) {
    case 'approved':
    case 'declined':
    case 'snoozed': {
      const when = suggestion.decidedAt === null ? '' : ` at ${formatDecisionTime(suggestion.decidedAt)}`;
      return { text: `Already ${suggestion.status} by ${deciderName(suggestion)}${when}. Nothing was changed.`, color: 'warning' };
    }
    case 'fulfilled':
      return { text: 'Already fulfilled: the seats arrived. Nothing was changed.', color: 'good' };
    default:
      return { text: 'This suggestion was withdrawn before a decision. Nothing was changed.', color: 'warning' };
  }
}

function errorOutcome(error: HeadroomError): CardActionOutcome {
  if (error instanceof ValidationError) {
    return { kind: 'error', statusCode: 400, code: 'BadRequest', message: error.message };
  }
  if (error instanceof ForbiddenError) {
    return { kind: 'error', statusCode: 403, code: 'Forbidden', message: error.message };
  }
  if (error instanceof NotFoundError) {
    return { kind: 'error', statusCode: 404, code: 'NotFound', message: error.message };
  }
  if (error instanceof ConflictError) {
    return { kind: 'error', statusCode: 409, code: 'Conflict', message: error.message };
  }
  if (error instanceof UnavailableError) {
    return { kind: 'error', statusCode: 503, code: 'ServiceUnavailable', message: error.message };
  }
  return { kind: 'error', statusCode: 400, code: 'BadRequest', message: error.message };
}
