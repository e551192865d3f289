import { formatQuantity } from './format-quantity';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Says how old data taken at `asOf` (ISO-8601) is at `now`: "less than a minute ago",
 * "14 minutes ago", "2 hours ago", "3 days ago". A time in the future (clock skew) reads as fresh.
 * Throws a RangeError when `asOf` is not a time.
 */
export function describeDataAge(asOf: string, now: Date): string {
  const taken = Date.parse(asOf);
  if (Number.isNaN(taken)) {
    throw new RangeError(`Not an ISO-8601 time: ${JSON.stringify(asOf)}`);
  }
  const age = Math.max(0, now.getTime() - taken);
  if (age < MINUTE) {
    return 'less than a minute ago';
  }
  if (age < HOUR) {
    return `${formatQuantity(Math.floor(age / MINUTE), 'minute')} ago`;
  }
  if (age < DAY) {
    return `${formatQuantity(Math.floor(age / HOUR), 'hour')} ago`;
  }
  return `${formatQuantity(Math.floor(age / DAY), 'day')} ago`;
}
