import type { StyledText } from './styled-text';

/** Teams shows automatic refresh to at most this many listed users. */
export const MAX_REFRESH_USERS = 60;

/** Data for `cards/reservation-suggestion.json`: one suggestion, its reasoning and its state. */
export interface ReservationSuggestionCard {
  suggestionId: string;
  /** The `noun.verb`s of the card's actions; the reservations feature names them. */
  verbs: { approve: string; decline: string; snooze: string; refresh: string };
  /** Users whose Teams client refreshes the card automatically (at most 60). */
  refreshUserIds: string[];
  /** Product name, literal. */
  productName: string;
  /** "24 seats". */
  headline: string;
  status: StyledText;
  /** "Already approved by Megan Bowen at 10:42 UTC on 1 May." for the one who lost a race; else null. */
  notice: StyledText | null;
  /** "Approved by Megan Bowen at 10:42 UTC on 1 May, 24 seats."; null while undecided. */
  decision: string | null;
  /** The quantity's sum, line by line. */
  reasoning: string[];
  /** Still proposed: the quantity input and the buttons are shown. */
  open: boolean;
  quantity: number;
  maxQuantity: number;
  quantityHint: string;
  snoozeTitle: string;
  /** Approved: the steps to place the reservation are shown. */
  approved: boolean;
  steps: string[];
  resellerNote: string;
  adminCenterUrl: string;
  footer: string;
}
