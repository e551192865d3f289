import { effectiveThreshold } from '../alerts/effective-threshold';
import type { TickContext } from '../alerts/tick-hook';
import type { SuggestionCardOptions } from './suggestion-card';
import { buildMessageCard, summarizeMessage } from '../cards/message-card';
import { renderCard } from '../cards/render-card';
import { formatCount } from '../cards/format-count';
import { formatQuantity } from '../cards/format-quantity';
import type { ChannelSender } from '../delivery/channel-sender';
import { ConflictError } from '../errors';
import { forecastRunOut } from '../licenses/forecast';
import type { SkuFigures } from '../licenses/sku-figures';
import type { Logger } from '../logger';
import type { NewOutboxMessage } from '../delivery/outbox-message';
import type { SkuThreshold } from '../settings/sku-threshold';
import type { SuggestionStore } from './suggestion-store';
import type { Outbox } from '../delivery/outbox';
import type { SkuHistoryStore } from '../licenses/sku-history-store';
import type { AlertSettingsStore } from '../alerts/alert-settings-store';
import type { WatchedPlaceStore } from '../delivery/watched-place-store';
import type { Suggestion } from './suggestion';
import { planSuggestionReview, type ReviewStep } from './plan-suggestion-review';
import { proposeReservation, type ReservationProposal } from './propose-reservation';
import type { SuggestionCardPayload } from './suggestion-card-outbox-sender';
import { suggestionReply } from './suggestion-reply';
import { updateSuggestionCopies } from './update-suggestion-copies';

export interface SuggestionReviewerOptions {
  store: SuggestionStore & Outbox & SkuHistoryStore & AlertSettingsStore & WatchedPlaceStore;
  /** Updates posted cards in place; null when there is no bot to post with. */
  channels: ChannelSender | null;
  logger: Logger;
  /** RESERVATION_SUGGESTIONS: when false the reviewer does nothing at all. */
  enabled: boolean;
  /** RESERVATION_LEAD_DAYS. */
  leadDays: number;
  /** ALERT_MIN_AVAILABLE, for SKUs without their own threshold. */
  defaultThreshold: SkuThreshold;
  card: Omit<SuggestionCardOptions, 'notice'>;
  /** Days of history the forecast fits. Default 30. */
  forecastWindowDays?: number;
}

/** The actor recorded for transitions Headroom makes itself. */
const HEADROOM_ACTOR = 'headroom';
const DAY_MS = 24 * 60 * 60 * 1000;
/** Declined and snoozed suggestions read to decide whether a SKU is still quiet. */
const CLOSED_LOOKBACK = 200;

/**
 * The watcher's tick hook for reservation suggestions. After each tick it works out what every visible
 * SKU needs ({@link proposeReservation}), compares it with the stored suggestions
 * ({@link planSuggestionReview}) and applies the changes: new suggestions are stored and their card is
 * posted to every active watched place through the outbox; changed ones are updated in place (every
 * posted copy is refreshed, not reposted); ones no longer needed are expired or superseded; approved
 * ones whose seats arrived are fulfilled and the watched places told once.
 */
export class SuggestionReviewer {
  constructor(private readonly options: SuggestionReviewerOptions) {}

  /** The hook to hand to the watcher. */
  readonly hook = async (context: TickContext): Promise<void> => {
    await this.review(context);
  };

  async review(context: TickContext): Promise<ReviewStep[]> {
    if (!this.options.enabled) {
      return [];
    }
    const { store } = this.options;
    const [proposals, open, closed] = await Promise.all([
      this.proposals(context.figures, context.now),
      store.listSuggestions({ statuses: ['proposed', 'approved'], limit: 10_000 }),
      store.listSuggestions({ statuses: ['declined', 'snoozed'], limit: CLOSED_LOOKBACK }),
    ]);
    const steps = planSuggestionReview({ now: context.now, figures: context.figures, proposals, suggestions: [...closed, ...open] });
    for (const step of steps) {
      try {
        await this.apply(step, context.now);
      } catch (error) {
        this.options.logger.error('could not apply a reservation suggestion change', { step: step.kind, error });
      }
    }
    await this.postToEveryPlace(context.now);
    return steps;
  }

  private async proposals(figures: readonly SkuFigures[], now: Date): Promise<ReservationProposal[]> {
    const thresholds = new Map((await this.options.store.listThresholds()).map((record) => [record.skuId.toLowerCase(), record.threshold]));
    const visible = figures.filter((sku) => !sku.hidden);
    const proposals = await Promise.all(
      visible.map(async (sku) => {
        const threshold = thresholds.get(sku.skuId.toLowerCase()) ?? this.options.defaultThreshold;
        return proposeReservation({
          figures: sku,
          thresholdSeats: effectiveThreshold(sku.purchased, threshold),
          forecast: await this.forecast(sku, now),
          leadDays: this.options.leadDays,
        });
      }),
    );
    return proposals.filter((proposal): proposal is ReservationProposal => proposal !== null);
  }

  private async forecast(sku: SkuFigures, now: Date): Promise<ReturnType<typeof forecastRunOut>> {
    const windowDays = this.options.forecastWindowDays ?? 30;
    try {
      const history = await this.options.store.listHistory(sku.skuId, new Date(now.getTime() - windowDays * DAY_MS).toISOString());
      const points = [...history.map((row) => ({ at: row.takenAt, assigned: row.assigned })), { at: now.toISOString(), assigned: sku.assigned }];
      return forecastRunOut(points, sku.purchased, now, { windowDays });
    } catch (error) {
      this.options.logger.warn('could not read license history for a reservation forecast', { skuId: sku.skuId, error });
      return null;
    }
  }

  private async apply(step: ReviewStep, now: Date): Promise<void> {
    const { store, logger } = this.options;
    switch (step.kind) {
      case 'create': {
        const { proposal } = step;
        try {
          const created = await store.createSuggestion({ ...proposal, createdBy: HEADROOM_ACTOR });
          logger.info('reservation suggested', { suggestionId: created.id, skuId: created.skuId, quantity: created.quantity });
        } catch (error) {
          if (!(error instanceof ConflictError)) {
            throw error;
          }
          logger.info('another instance suggested a reservation for this SKU first', { skuId: proposal.skuId });
        }
        return;
      }
      case 'update': {
        const { proposal } = step;
        const result = await store.updateSuggestionProposal(step.suggestion.id, step.suggestion.version, {
          quantity: proposal.quantity,
          reasoning: proposal.reasoning,
          displayName: proposal.displayName,
          skuPartNumber: proposal.skuPartNumber,
        });
        if (result.ok) {
          await this.refreshCopies(result.suggestion);
        }
        return;
      }
      case 'close': {
        const result = await store.transitionSuggestion(step.suggestion.id, {
          from: ['proposed'],
          to: step.to,
          actor: HEADROOM_ACTOR,
          actorName: 'Headroom',
          at: now.toISOString(),
        });
        if (result.ok) {
          logger.info('reservation suggestion withdrawn', { suggestionId: step.suggestion.id, status: step.to });
          await this.refreshCopies(result.suggestion);
        }
        return;
      }
      case 'fulfil': {
        const places = await store.listWatchedPlaces({ activeOnly: true });
        const result = await store.transitionSuggestion(step.suggestion.id, {
          from: ['approved'],
          to: 'fulfilled',
          actor: HEADROOM_ACTOR,
          actorName: 'Headroom',
          at: now.toISOString(),
          outbox: places.map((place) => fulfilmentMessage(step.suggestion, step.purchased, place.conversationId, now)),
        });
        if (result.ok) {
          logger.info('reservation suggestion fulfilled', { suggestionId: step.suggestion.id, purchased: step.purchased });
          await this.refreshCopies(result.suggestion);
        }
        return;
      }
    }
  }

  /**
   * Enqueues the card of every undecided suggestion for every active watched place. The dedupe key
   * makes this a no-op for places that already have it, so a crash between creating a suggestion and
   * posting it, or a place watched later, is caught up on the next tick.
   */
  private async postToEveryPlace(now: Date): Promise<void> {
    const { store } = this.options;
    const [proposed, places] = await Promise.all([
      store.listSuggestions({ statuses: ['proposed'], limit: 10_000 }),
      store.listWatchedPlaces({ activeOnly: true }),
    ]);
    const messages: NewOutboxMessage[] = [];
    for (const suggestion of proposed) {
      for (const place of places) {
        const payload: SuggestionCardPayload = { suggestionId: suggestion.id };
        messages.push({
          kind: 'suggestion-card',
          target: place.conversationId,
          payload,
          dedupeKey: `suggestion:${suggestion.id}:post:${place.conversationId}`,
          notBefore: now.toISOString(),
        });
      }
    }
    if (messages.length > 0) {
      await store.enqueueOutbox(messages);
    }
  }

  private async refreshCopies(suggestion: Suggestion): Promise<void> {
    await updateSuggestionCopies(this.options.channels, suggestion, suggestionReply(suggestion, this.options.card), this.options.logger);
  }
}

function fulfilmentMessage(suggestion: Suggestion, purchased: number, conversationId: string, now: Date): NewOutboxMessage {
  const before = suggestion.purchasedAtApproval;
  const message = {
    title: `Seats arrived: ${suggestion.displayName}`,
    text:
      `Purchased seats went ${before === null ? '' : `from ${formatCount(before)} `}to ${formatCount(purchased)}, covering the ` +
      `${formatQuantity(suggestion.quantity, 'seat')} approved${suggestion.decidedByName === null ? '' : ` by ${suggestion.decidedByName}`}. ` +
      'The reservation suggestion is fulfilled.',
    tone: 'good' as const,
  };
  return {
    kind: 'channel',
    target: conversationId,
    payload: { card: renderCard('message', buildMessageCard(message)), summary: summarizeMessage(message) },
    dedupeKey: `suggestion:${suggestion.id}:fulfilled:${conversationId}`,
    // Due by the watcher's clock, which the dispatcher also goes by.
    notBefore: now.toISOString(),
  };
}
