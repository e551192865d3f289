import type { ReportSchedule } from '../settings/report-schedule';

/** One reporting period: from one scheduled send to the next. */
export interface ReportPeriod {
  /** Stable across instances and restarts: the local date of the scheduled send, e.g. `2026-11-30`. */
  key: string;
  /** The scheduled send, as a UTC instant. */
  sendAt: Date;
  /** The next period's scheduled send: the report of this period is never sent at or after it. */
  endsAt: Date;
}

interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock time in `timeZone` at `instant`, expressed as if it were UTC (milliseconds). */
function wallClockMs(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') {
      parts[part.type] = Number(part.value);
    }
  }
  return Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
}

/**
 * The UTC instant at which the wall clock in `timeZone` shows the given local date and time. A time
 * skipped by a DST change (02:30 on a spring-forward night) maps to the same offset as just before
 * the jump, which lands after it (03:30); a time that happens twice takes the first.
 */
export function zonedTimeToUtc(date: LocalDate, hour: number, minute: number, timeZone: string): Date {
  const wanted = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  // Zone offsets a day either side; no zone changes its offset twice within two days.
  const offsetBefore = wallClockMs(wanted - DAY_MS, timeZone) - (wanted - DAY_MS);
  const offsetAfter = wallClockMs(wanted + DAY_MS, timeZone) - (wanted + DAY_MS);
  const matching = [wanted - offsetBefore, wanted - offsetAfter].filter((candidate) => wallClockMs(candidate, timeZone) === wanted);
  if (matching.length === 0) {
    // Skipped by a spring-forward jump: the offset from before the jump lands just after it.
    return new Date(wanted - offsetBefore);
  }
  return new Date(Math.min(...matching));
}

function localDateOf(instant: Date, timeZone: string): LocalDate {
  const wall = new Date(wallClockMs(instant.getTime(), timeZone));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

function addDays(date: LocalDate, days: number): LocalDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

function weekdayOf(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

function keyOf(date: LocalDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/**
 * The period that contains `now`: the latest scheduled send at or before `now` and the one after it.
 * Null when the schedule is off.
 */
export function currentReportPeriod(schedule: ReportSchedule, now: Date): ReportPeriod | null {
  if (schedule.kind === 'off') {
    return null;
  }
  const step = schedule.kind === 'daily' ? 1 : 7;
  const today = localDateOf(now, schedule.timeZone);
  // The latest local date on the schedule that is today or earlier.
  let date = today;
  if (schedule.kind === 'weekly') {
    date = addDays(today, -((weekdayOf(today) - schedule.weekday + 7) % 7));
  }
  let sendAt = zonedTimeToUtc(date, schedule.hour, schedule.minute, schedule.timeZone);
  if (sendAt.getTime() > now.getTime()) {
    date = addDays(date, -step);
    sendAt = zonedTimeToUtc(date, schedule.hour, schedule.minute, schedule.timeZone);
  }
  const next = addDays(date, step);
  return { key: keyOf(date), sendAt, endsAt: zonedTimeToUtc(next, schedule.hour, schedule.minute, schedule.timeZone) };
}
