import type { ReportSchedule } from '../settings/report-schedule';

const SHORT_DATE = new Map<string, Intl.DateTimeFormat>();

function formatDate(instant: Date, timeZone: string, withWeekday: boolean): string {
  const key = `${timeZone}|${withWeekday}`;
  let format = SHORT_DATE.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short', year: 'numeric', ...(withWeekday ? { weekday: 'short' } : {}) });
    SHORT_DATE.set(key, format);
  }
  return format.format(instant);
}

/** "week of 30 Nov 2026" (weekly), "30 Nov 2026" (daily) or "as of 30 Nov 2026" (off), in the schedule's zone. */
export function describeReportPeriod(schedule: ReportSchedule, periodStart: Date): string {
  if (schedule.kind === 'weekly') {
    return `week of ${formatDate(periodStart, schedule.timeZone, false)}`;
  }
  if (schedule.kind === 'daily') {
    return formatDate(periodStart, schedule.timeZone, false);
  }
  return `as of ${formatDate(periodStart, 'UTC', false)}`;
}

/** "since Mon, 23 Nov 2026": when the figures the report compares with are from. */
export function describeBaseline(baselineAt: Date, schedule: ReportSchedule): string {
  const zone = schedule.kind === 'off' ? 'UTC' : schedule.timeZone;
  return `since ${formatDate(baselineAt, zone, true)}`;
}
