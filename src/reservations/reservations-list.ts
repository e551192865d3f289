import { CARD_LIMITS } from '../cards/card-limits';
import { formatQuantity } from '../cards/format-quantity';
import type { ReservationListRow, ReservationsListCard } from '../cards/reservations-list-card';
import type { StyledText } from '../cards/styled-text';
import { toDisplayText } from '../cards/to-display-text';
import type { Suggestion } from './suggestion';
import { readReasoning, reasoningText } from './reservation-reasoning';
import { describeDecision, summarizeReservationSuggestion } from './suggestion-card';

/** Rows per section. */
export const RESERVATIONS_LIST_LIMIT = 10;
const DETAIL_LENGTH = 400;

const STATUS: Record<Suggestion['status'], StyledText> = {
  proposed: { text: 'Waiting for an approver', color: 'warning' },
  approved: { text: 'Approved, waiting for the seats', color: 'good' },
  declined: { text: 'Declined', color: 'default' },
  snoozed: { text: 'Snoozed', color: 'default' },
  superseded: { text: 'Withdrawn', color: 'default' },
  expired: { text: 'Withdrawn, no longer needed', color: 'default' },
  fulfilled: { text: 'Fulfilled', color: 'good' },
};

function rowOf(suggestion: Suggestion): ReservationListRow {
  const detail =
    describeDecision(suggestion) ??
    (suggestion.status === 'proposed' ? reasoningText(readReasoning(suggestion.reasoning, suggestion.quantity)) : STATUS[suggestion.status].text);
  return {
    productName: toDisplayText(suggestion.displayName, CARD_LIMITS.nameLength, suggestion.skuPartNumber),
    headline: formatQuantity(suggestion.quantity, 'seat'),
    status: STATUS[suggestion.status],
    detail: toDisplayText(detail, DETAIL_LENGTH, ''),
  };
}

function isOpen(suggestion: Suggestion): boolean {
  return suggestion.status === 'proposed' || suggestion.status === 'approved';
}

/**
 * Builds the list answering `reservations`: open suggestions (proposed or approved) and the most recent
 * closed ones, newest first, at most {@link RESERVATIONS_LIST_LIMIT} each.
 */
export function buildReservationsListCard(suggestions: readonly Suggestion[], options: { enabled: boolean }): ReservationsListCard {
  return {
    note: options.enabled
      ? null
      : 'Reservation suggestions are off (RESERVATION_SUGGESTIONS=off), so Headroom proposes no new ones.',
    open: suggestions.filter(isOpen).slice(0, RESERVATIONS_LIST_LIMIT).map(rowOf),
    recent: suggestions.filter((suggestion) => !isOpen(suggestion)).slice(0, RESERVATIONS_LIST_LIMIT).map(rowOf),
    footer: 'Approvers decide on each suggestion\'s card in the watched channel. The API lists the full history: GET /api/v1/suggestions.',
  };
}

/** The list in one plain-text line. */
export function summarizeReservationsList(suggestions: readonly Suggestion[]): string {
  const open = suggestions.filter(isOpen);
  if (open.length === 0) {
    return 'Reservation suggestions: none open.';
  }
  const first = open.slice(0, 3).map(summarizeReservationSuggestion).join(' ');
  return `Reservation suggestions: ${formatQuantity(open.length, 'open one')}. ${first}`;
}
