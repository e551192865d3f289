import { buildReservationSuggestionCard, summarizeReservationSuggestion, type SuggestionCardOptions } from './suggestion-card';
import { renderCard } from '../cards/render-card';
import type { ChatReply } from '../cards/chat-reply';
import type { Suggestion } from './suggestion';

/** The card (and summary) of one suggestion as it stands now. */
export function suggestionReply(suggestion: Suggestion, options: SuggestionCardOptions): ChatReply {
  return {
    card: renderCard('reservation-suggestion', buildReservationSuggestionCard(suggestion, options)),
    summary: summarizeReservationSuggestion(suggestion),
  };
}
