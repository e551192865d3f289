import type { ValidSuggestionTransition } from './store-input';
import type { NewSuggestion, SuggestionAuditEntry, SuggestionStatus } from '../reservations/suggestion';

type NewAuditEntry = Omit<SuggestionAuditEntry, 'id'>;

/** The audit rows a suggestion's changes leave, the same for every store. */
export const suggestionAuditEntries = {
  /** The first row: the suggestion was proposed. */
  proposed(suggestionId: string, at: string, input: NewSuggestion): NewAuditEntry {
    return {
      suggestionId,
      at,
      actor: input.createdBy ?? 'headroom',
      actorName: null,
      action: 'proposed',
      quantity: input.quantity,
      previousStatus: null,
      newStatus: 'proposed',
    };
  },

  /** A transition from `previousStatus`, leaving the suggestion at `quantity`. */
  transition(suggestionId: string, transition: ValidSuggestionTransition, previousStatus: SuggestionStatus, quantity: number): NewAuditEntry {
    return {
      suggestionId,
      at: transition.at,
      actor: transition.actor,
      actorName: transition.actorName,
      action: transition.action,
      quantity,
      previousStatus,
      newStatus: transition.to,
    };
  },
};
