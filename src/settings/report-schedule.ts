/** When the license report goes out: weekly on a weekday, daily, or never. Times are wall-clock in `timeZone`. */
export type ReportSchedule =
  | { kind: 'off' }
  | { kind: 'weekly'; weekday: number; hour: number; minute: number; timeZone: string }
  | { kind: 'daily'; hour: number; minute: number; timeZone: string };

/** The weekday words REPORT_SCHEDULE accepts, Sunday = 0 as in `Date.prototype.getUTCDay`. */
export const REPORT_WEEKDAYS: readonly string[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const SCHEDULE_PATTERN = /^(sun|mon|tue|wed|thu|fri|sat|daily)\s+([01]?\d|2[0-3]):([0-5]\d)$/i;

/**
 * Parses `mon 09:00`, `daily 08:30` or `off` (case-insensitive). Null when the text is none of
 * these; the caller reports the problem.
 */
export function parseReportSchedule(text: string, timeZone: string): ReportSchedule | null {
  const trimmed = text.trim();
  if (trimmed.toLowerCase() === 'off') {
    return { kind: 'off' };
  }
  const match = SCHEDULE_PATTERN.exec(trimmed);
  if (match === null) {
    return null;
  }
  const [, day, hour, minute] = match as unknown as [string, string, string, string];
  const lower = day.toLowerCase();
  if (lower === 'daily') {
    return { kind: 'daily', hour: Number(hour), minute: Number(minute), timeZone };
  }
  return { kind: 'weekly', weekday: REPORT_WEEKDAYS.indexOf(lower), hour: Number(hour), minute: Number(minute), timeZone };
}

/** True when `Intl` knows the IANA time zone name. */
export function isKnownTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** `mon 09:00 Europe/Berlin`, `daily 08:30 UTC` or `off`, for logs and cards. */
export function describeReportSchedule(schedule: ReportSchedule): string {
  if (schedule.kind === 'off') {
    return 'off';
  }
  const time = `${String(schedule.hour).padStart(2, '0')}:${String(schedule.minute).padStart(2, '0')}`;
  const day = schedule.kind === 'daily' ? 'daily' : REPORT_WEEKDAYS[schedule.weekday];
  return `${day} ${time} ${schedule.timeZone}`;
}
