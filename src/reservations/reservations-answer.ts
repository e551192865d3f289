import { buildReservationsListCard, RESERVATIONS_LIST_LIMIT, summarizeReservationsList } from './reservations-list';
import { renderCard } from '../cards/render-card';
import type { CommandHandler } from '../chat/chat-router';
import type { SuggestionStore } from './suggestion-store';

/** Answers `reservations`: the open suggestions and the most recent closed ones. */
export function reservationsAnswer(options: { store: Pick<SuggestionStore, 'listSuggestions'>; enabled: boolean }): CommandHandler<'reservations'> {
  return async () => {
    const [open, recent] = await Promise.all([
      options.store.listSuggestions({ statuses: ['proposed', 'approved'], limit: RESERVATIONS_LIST_LIMIT }),
      options.store.listSuggestions({ statuses: ['declined', 'snoozed', 'superseded', 'expired', 'fulfilled'], limit: RESERVATIONS_LIST_LIMIT }),
    ]);
    const suggestions = [...open, ...recent];
    return {
      card: renderCard('reservations-list', buildReservationsListCard(suggestions, { enabled: options.enabled })),
      summary: summarizeReservationsList(suggestions),
    };
  };
}
