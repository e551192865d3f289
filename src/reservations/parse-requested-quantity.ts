import { ValidationError } from '../errors';

/** The most seats one approval may ask for. */
export const MAX_RESERVATION_QUANTITY = 100_000;

const WHOLE_NUMBER = /^\d{1,7}$/;

/**
 * Validates the quantity an approver typed into the card. Teams sends input values as strings, so
 * "15" and 15 are both fine; anything but a whole number from 1 to 100,000 ("1.5", "-3", "abc", 0, an
 * empty field) is a `ValidationError` with a message to show on the card.
 */
export function parseRequestedQuantity(raw: unknown): number {
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : null;
  const value = text !== null && WHOLE_NUMBER.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < 1 || value > MAX_RESERVATION_QUANTITY) {
    throw new ValidationError(`The number of seats must be a whole number from 1 to ${MAX_RESERVATION_QUANTITY.toLocaleString('en-US')}.`);
  }
  return value;
}
