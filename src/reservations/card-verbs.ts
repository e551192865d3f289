/**
 * The Universal Actions verbs of the reservation suggestion card (`noun.verb`). The card template gets
 * them through its data, and the invoke handler routes on them, so this file is their only spelling.
 */
export const RESERVATION_VERBS = {
  approve: 'reservation.approve',
  decline: 'reservation.decline',
  snooze: 'reservation.snooze',
  /** Sent by the card's `refresh` action (and by Teams when an approver opens the card). */
  refresh: 'reservation.refresh',
} as const;

/** One of the reservation card's verbs. */
export type ReservationVerb = (typeof RESERVATION_VERBS)[keyof typeof RESERVATION_VERBS];

const VERBS: readonly string[] = Object.values(RESERVATION_VERBS);

/** True when `value` is one of the reservation card's verbs. */
export function isReservationVerb(value: unknown): value is ReservationVerb {
  return typeof value === 'string' && VERBS.includes(value);
}
