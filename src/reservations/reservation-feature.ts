import type { AccessPolicy } from '../access/access-policy';
import type { TickHook } from '../alerts/tick-hook';
import type { SuggestionCardOptions } from './suggestion-card';
import type { CardActionRegistry } from '../chat/card-action-registry';
import type { CommandHandler } from '../chat/chat-router';
import type { Config } from '../config';
import type { ChannelSender } from '../delivery/channel-sender';
import type { OutboxSender } from '../delivery/outbox-sender';
import type { LicenseService } from '../licenses/license-service';
import type { Logger } from '../logger';
import type { OutboxKind } from '../delivery/outbox-message';
import type { SuggestionStore } from './suggestion-store';
import type { Outbox } from '../delivery/outbox';
import type { SkuHistoryStore } from '../licenses/sku-history-store';
import type { AlertSettingsStore } from '../alerts/alert-settings-store';
import type { WatchedPlaceStore } from '../delivery/watched-place-store';
import { RESERVATION_VERBS } from './card-verbs';
import { reservationsAnswer } from './reservations-answer';
import { reservationWebhookSender } from './reservation-webhook-sender';
import { suggestionCardOutboxSender } from './suggestion-card-outbox-sender';
import { SuggestionDecisions } from './suggestion-decisions';
import { SuggestionReviewer } from './suggestion-reviewer';

/** How long Snooze postpones a suggestion. */
export const SNOOZE_DAYS = 7;

export interface ReservationFeatureDependencies {
  config: Pick<Config, 'reservations' | 'admins' | 'alerts'>;
  store: SuggestionStore & Outbox & SkuHistoryStore & AlertSettingsStore & WatchedPlaceStore;
  access: AccessPolicy;
  licenses: Pick<LicenseService, 'figures'>;
  /** Posts and updates cards proactively. */
  channels: ChannelSender;
  logger: Logger;
  now: () => Date;
}

/** Reservation suggestions, wired: what the composition root hands to the bot, the chat router, the watcher and the outbox. */
export interface ReservationFeature {
  decisions: SuggestionDecisions;
  reviewer: SuggestionReviewer;
  chatAnswer: CommandHandler<'reservations'>;
  /** Adds the suggestion review to the watcher and the card and webhook senders to the outbox. */
  attach(outbox: { registerSender(kind: OutboxKind, sender: OutboxSender): void }, watcher: { addHook(hook: TickHook): void }): void;
  /** Routes the suggestion card's verbs (`reservation.*`) to the decisions. */
  registerCardActions(registry: Pick<CardActionRegistry, 'register'>): void;
}

/**
 * Builds the reservation feature from configuration. The card refreshes automatically for the
 * approvers listed in ADMIN_USER_IDS (Teams allows at most 60); members of APPROVER_GROUP_ID beyond
 * them see the current state when they open or act on the card.
 */
export function createReservationFeature(deps: ReservationFeatureDependencies): ReservationFeature {
  const { config, store, logger } = deps;
  const card: Omit<SuggestionCardOptions, 'notice'> = { refreshUserIds: config.admins.userIds, snoozeDays: SNOOZE_DAYS };
  const decisions = new SuggestionDecisions({
    store,
    access: deps.access,
    licenses: deps.licenses,
    channels: deps.channels,
    logger,
    webhookUrl: config.reservations.webhookUrl,
    card,
    now: deps.now,
  });
  const reviewer = new SuggestionReviewer({
    store,
    channels: deps.channels,
    logger,
    enabled: config.reservations.enabled,
    leadDays: config.reservations.leadDays,
    defaultThreshold: config.alerts.defaultThreshold,
    card,
  });
  return {
    decisions,
    reviewer,
    chatAnswer: reservationsAnswer({ store, enabled: config.reservations.enabled }),
    attach: (outbox, watcher) => {
      outbox.registerSender('suggestion-card', suggestionCardOutboxSender({ channels: deps.channels, store, card }));
      const secret = config.reservations.webhookSecret;
      if (config.reservations.webhookUrl !== null && secret !== null) {
        outbox.registerSender('webhook', reservationWebhookSender({ secret }));
      }
      watcher.addHook(reviewer.hook);
    },
    registerCardActions: (registry) => {
      for (const verb of Object.values(RESERVATION_VERBS)) {
        registry.register(verb, (request) => decisions.decide(request));
      }
    },
  };
}
