import { formatCount } from './format-count';

/** The seat counts of one SKU on one day (the last known figures of that day). */
export interface TrendSample {
  /** `YYYY-MM-DD` (UTC). */
  date: string;
  purchased: number;
  assigned: number;
}

/** One `{ x, y }` point of a Teams `Chart.Line` series. */
export interface ChartPoint {
  x: string;
  y: number;
}

/** A `Chart.Line` series: `{ legend, color, values }` as the Teams chart docs define it. */
export interface ChartSeries {
  legend: string;
  /** A colour name from the Teams chart palette. */
  color: 'categoricalBlue' | 'categoricalMarigold';
  values: ChartPoint[];
}

/** Data for a line chart of assigned against purchased seats, and the compact table shown where charts are not supported. */
export interface TrendChartView {
  title: string;
  series: ChartSeries[];
  /** The fallback: a few dated rows, "2026-09-01" / "480 of 500 assigned". */
  table: Array<{ title: string; value: string }>;
  /** The fallback's one-line summary: "Assigned 480 -> 497 of 500 over 90 days". */
  summary: string;
}

/** Rows in the fallback table, spread evenly over the samples (first and last always included). */
const FALLBACK_ROWS = 5;

/**
 * A line chart of a SKU's assigned and purchased seats from daily samples, oldest first. Null when
 * there are fewer than two samples: one point is not a trend.
 */
export function buildTrendChart(title: string, samples: readonly TrendSample[], days: number): TrendChartView | null {
  if (samples.length < 2) {
    return null;
  }
  const first = samples[0] as TrendSample;
  const last = samples[samples.length - 1] as TrendSample;
  return {
    title,
    series: [
      { legend: 'Assigned', color: 'categoricalBlue', values: samples.map((sample) => ({ x: sample.date, y: sample.assigned })) },
      { legend: 'Purchased', color: 'categoricalMarigold', values: samples.map((sample) => ({ x: sample.date, y: sample.purchased })) },
    ],
    table: spread(samples, FALLBACK_ROWS).map((sample) => ({
      title: sample.date,
      value: `${formatCount(sample.assigned)} of ${formatCount(sample.purchased)} assigned`,
    })),
    summary: `Assigned ${formatCount(first.assigned)} → ${formatCount(last.assigned)}, purchased ${formatCount(first.purchased)} → ${formatCount(last.purchased)} over the last ${days} days`,
  };
}

function spread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) {
    return [...items];
  }
  const picked: T[] = [];
  for (let index = 0; index < count; index += 1) {
    picked.push(items[Math.round((index * (items.length - 1)) / (count - 1))] as T);
  }
  return picked;
}
