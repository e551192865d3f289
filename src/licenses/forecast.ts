/** When a SKU will run out of seats if assignments keep growing as they have lately. */
export interface RunOutForecast {
  /** The trend: seats assigned per day (least-squares slope over the window), always > 0. */
  seatsPerDay: number;
  /** ISO-8601 time the trend reaches the purchased seats. */
  runOutAt: string;
  /** Days from `now` to `runOutAt`; 0 when the seats are already used up. Not rounded. */
  daysLeft: number;
}

/** One stored observation of a SKU: when, and how many seats were assigned. */
export interface AssignedPoint {
  at: string;
  assigned: number;
}

export interface ForecastOptions {
  /** Only points from the last `windowDays` days before `now` count. Default 30. */
  windowDays?: number;
  /** Fewer points than this in the window give no forecast. Default 3. */
  minPoints?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** The largest time a JavaScript Date can hold. */
const MAX_DATE_MS = 8.64e15;
const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/**
 * Projects when `purchased` seats run out: fits a least-squares line to the assigned counts inside
 * the window (`now - windowDays` to `now`; later, unparseable or non-finite points are ignored) and
 * extends it from the latest point at that slope.
 *
 * Returns null with fewer than `minPoints` points in the window, when the slope is not positive
 * (flat or falling use never runs out) or not finite, or when the run-out time is beyond what a Date
 * holds. When the latest point is already at or above `purchased` (or the projection lies in the
 * past) the forecast is `daysLeft: 0` with `runOutAt` = `now`.
 */
export function forecastRunOut(
  points: readonly AssignedPoint[],
  purchased: number,
  now: Date,
  options: ForecastOptions = {},
): RunOutForecast | null {
  const windowDays = options.windowDays ?? 30;
  const minPoints = Math.max(2, options.minPoints ?? 3);
  const nowMs = now.getTime();
  if (!Number.isFinite(nowMs) || !Number.isFinite(purchased)) {
    return null;
  }
  const fromMs = nowMs - windowDays * DAY_MS;
  const inWindow = points
    .map((point) => ({ t: Date.parse(point.at), y: point.assigned }))
    .filter((point) => Number.isFinite(point.t) && Number.isFinite(point.y) && point.t >= fromMs && point.t <= nowMs)
    .sort((a, b) => a.t - b.t);
  if (inWindow.length < minPoints) {
    return null;
  }

  // Days relative to now keep the sums small and precise.
  const xs = inWindow.map((point) => (point.t - nowMs) / DAY_MS);
  const ys = inWindow.map((point) => point.y);
  const meanX = xs.reduce((sum, x) => sum + x, 0) / xs.length;
  const meanY = ys.reduce((sum, y) => sum + y, 0) / ys.length;
  let covariance = 0;
  let variance = 0;
  for (let i = 0; i < xs.length; i += 1) {
    covariance += (xs[i] - meanX) * (ys[i] - meanY);
    variance += (xs[i] - meanX) ** 2;
  }
  const seatsPerDay = covariance / variance;
  if (!Number.isFinite(seatsPerDay) || seatsPerDay <= 0) {
    return null;
  }

  const latest = inWindow[inWindow.length - 1];
  const runOutMs = latest.t + ((purchased - latest.y) / seatsPerDay) * DAY_MS;
  if (latest.y >= purchased || runOutMs <= nowMs) {
    return { seatsPerDay, runOutAt: now.toISOString(), daysLeft: 0 };
  }
  if (!Number.isFinite(runOutMs) || runOutMs > MAX_DATE_MS) {
    return null;
  }
  return { seatsPerDay, runOutAt: new Date(runOutMs).toISOString(), daysLeft: (runOutMs - nowMs) / DAY_MS };
}

function describeDay(date: Date, now: Date): string {
  const day = `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
  return date.getUTCFullYear() === now.getUTCFullYear() ? day : `${day} ${date.getUTCFullYear()}`;
}

/**
 * One line for a card or a chat reply, in UTC:
 * "at the current rate, Microsoft 365 E3 runs out in about 9 days (around 8 December)".
 * The year is added when the date is not in the current year; a forecast with no days left says
 * the SKU "has run out".
 */
export function describeForecast(forecast: RunOutForecast, displayName: string, now: Date): string {
  const days = Math.round(forecast.daysLeft);
  if (forecast.daysLeft <= 0) {
    return `at the current rate, ${displayName} has run out`;
  }
  const when = describeDay(new Date(forecast.runOutAt), now);
  if (days < 1) {
    return `at the current rate, ${displayName} runs out within a day (around ${when})`;
  }
  return `at the current rate, ${displayName} runs out in about ${days} ${days === 1 ? 'day' : 'days'} (around ${when})`;
}
