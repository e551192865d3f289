import type { TrendSample } from '../cards/trend-chart';

/** A stored history point, as far as a trend needs it. */
export interface TrendPoint {
  /** ISO-8601 time. */
  at: string;
  purchased: number;
  assigned: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Turns change-only history into samples every `stepDays` days from `days` ago up to `now`: each
 * sample carries the last figures known at the end of its day (history stores a row only when the
 * figures change, so the figures hold until the next row). Days before the first known point are
 * left out rather than shown as 0. `points` must be oldest first; the current figures belong last.
 */
export function sampleTrend(points: readonly TrendPoint[], now: Date, days: number, stepDays = 1): TrendSample[] {
  const samples: TrendSample[] = [];
  const endOfToday = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + DAY_MS;
  let index = 0;
  let known: TrendPoint | null = null;
  for (let back = days; back >= 0; back -= 1) {
    if (back % stepDays !== 0) {
      continue;
    }
    const dayEnd = endOfToday - back * DAY_MS;
    const limit = back === 0 ? Math.min(dayEnd, now.getTime() + 1) : dayEnd;
    while (index < points.length && Date.parse((points[index] as TrendPoint).at) < limit) {
      known = points[index] as TrendPoint;
      index += 1;
    }
    if (known !== null) {
      samples.push({ date: new Date(dayEnd - DAY_MS).toISOString().slice(0, 10), purchased: known.purchased, assigned: known.assigned });
    }
  }
  return samples;
}
