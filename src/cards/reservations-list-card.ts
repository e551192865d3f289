import type { StyledText } from './styled-text';

/** One suggestion in the list. */
export interface ReservationListRow {
  /** Product name, literal. */
  productName: string;
  /** "21 seats". */
  headline: string;
  status: StyledText;
  /** The decision, or the reasoning on one line while undecided. */
  detail: string;
}

/** Data for `cards/reservations-list.json`: open suggestions and recently closed ones. */
export interface ReservationsListCard {
  /** Why the list is empty or short (suggestions turned off); null otherwise. */
  note: string | null;
  open: ReservationListRow[];
  recent: ReservationListRow[];
  footer: string;
}
