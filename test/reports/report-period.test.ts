import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { currentReportPeriod, zonedTimeToUtc } from '../../src/reports/report-period';
import { describeReportSchedule, isKnownTimeZone, parseReportSchedule, type ReportSchedule } from '../../src/settings/report-schedule';

function schedule(text: string, zone = 'UTC'): ReportSchedule {
  const parsed = parseReportSchedule(text, zone);
  assert.ok(parsed, `${text} parses`);
  return parsed;
}

describe('parseReportSchedule', () => {
  it('reads a weekday and time, a daily time and off, in any case', () => {
    assert.deepEqual(parseReportSchedule('mon 09:00', 'UTC'), { kind: 'weekly', weekday: 1, hour: 9, minute: 0, timeZone: 'UTC' });
    assert.deepEqual(parseReportSchedule('Daily 8:30', 'Europe/Berlin'), { kind: 'daily', hour: 8, minute: 30, timeZone: 'Europe/Berlin' });
    assert.deepEqual(parseReportSchedule(' OFF ', 'UTC'), { kind: 'off' });
    assert.equal(describeReportSchedule(schedule('sun 23:59', 'Asia/Tokyo')), 'sun 23:59 Asia/Tokyo');
  });

  it('refuses anything else', () => {
    for (const text of ['monday 09:00', 'mon 24:00', 'mon 9', 'mon 09:60', 'weekly', '', 'mon 09:00 extra']) {
      assert.equal(parseReportSchedule(text, 'UTC'), null, text);
    }
  });

  it('knows IANA zones and refuses made-up ones', () => {
    assert.equal(isKnownTimeZone('Europe/Berlin'), true);
    assert.equal(isKnownTimeZone('UTC'), true);
    assert.equal(isKnownTimeZone('Mars/Olympus'), false);
  });
});

describe('currentReportPeriod', () => {
  it('is null when the schedule is off', () => {
    assert.equal(currentReportPeriod({ kind: 'off' }, new Date()), null);
  });

  it('starts a weekly period at the scheduled minute and keys it by the local date', () => {
    const weekly = schedule('mon 09:00');
    // 2026-11-30 is a Monday.
    const before = currentReportPeriod(weekly, new Date('2026-11-30T08:59:59.999Z'));
    assert.equal(before?.key, '2026-11-23');
    const at = currentReportPeriod(weekly, new Date('2026-11-30T09:00:00.000Z'));
    assert.equal(at?.key, '2026-11-30');
    assert.equal(at?.sendAt.toISOString(), '2026-11-30T09:00:00.000Z');
    assert.equal(at?.endsAt.toISOString(), '2026-12-07T09:00:00.000Z');
    assert.equal(currentReportPeriod(weekly, new Date('2026-12-04T12:00:00Z'))?.key, '2026-11-30');
  });

  it('sends at 09:00 local time on both sides of a DST change', () => {
    const berlin = schedule('mon 09:00', 'Europe/Berlin');
    // Summer time (UTC+2) ends on Sunday 2026-10-25.
    assert.equal(currentReportPeriod(berlin, new Date('2026-10-20T00:00:00Z'))?.sendAt.toISOString(), '2026-10-19T07:00:00.000Z');
    const after = currentReportPeriod(berlin, new Date('2026-10-27T00:00:00Z'));
    assert.equal(after?.sendAt.toISOString(), '2026-10-26T08:00:00.000Z');
    // The week across the change is 7 days and 1 hour long.
    const across = currentReportPeriod(berlin, new Date('2026-10-22T00:00:00Z'));
    assert.equal(across?.endsAt.toISOString(), '2026-10-26T08:00:00.000Z');
    const newYork = schedule('daily 08:30', 'America/New_York');
    // Daylight time starts on 2026-03-08 in New York.
    assert.equal(currentReportPeriod(newYork, new Date('2026-03-07T20:00:00Z'))?.sendAt.toISOString(), '2026-03-07T13:30:00.000Z');
    assert.equal(currentReportPeriod(newYork, new Date('2026-03-08T20:00:00Z'))?.sendAt.toISOString(), '2026-03-08T12:30:00.000Z');
  });

  it('uses the local date, not the UTC date, for the period key', () => {
    const tokyo = schedule('daily 08:30', 'Asia/Tokyo');
    // 2026-11-30T23:40Z is 08:40 on 1 December in Tokyo.
    const period = currentReportPeriod(tokyo, new Date('2026-11-30T23:40:00Z'));
    assert.equal(period?.key, '2026-12-01');
    assert.equal(period?.sendAt.toISOString(), '2026-11-30T23:30:00.000Z');
  });

  it('maps a time skipped by spring-forward to just after the jump, and a repeated time to its first occurrence', () => {
    // Berlin skips 02:00-03:00 on 2026-03-29 and repeats 02:00-03:00 on 2026-10-25.
    assert.equal(zonedTimeToUtc({ year: 2026, month: 3, day: 29 }, 2, 30, 'Europe/Berlin').toISOString(), '2026-03-29T01:30:00.000Z');
    assert.equal(zonedTimeToUtc({ year: 2026, month: 10, day: 25 }, 2, 30, 'Europe/Berlin').toISOString(), '2026-10-25T00:30:00.000Z');
  });
});
