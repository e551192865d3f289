import assert from 'node:assert/strict';
import { describeForecast, forecastRunOut, type AssignedPoint, type RunOutForecast } from '../../src/licenses/forecast';

const NOW = new Date('2025-11-29T12:00:00Z');
const DAY_MS = 24 * 60 * 60 * 1000;

/** One point a day with the assigned counts given, the last one `endDaysAgo` days before NOW. */
function daily(counts: readonly number[], endDaysAgo = 0): AssignedPoint[] {
  return counts.map((assigned, i) => ({
    at: new Date(NOW.getTime() - (endDaysAgo + counts.length - 1 - i) * DAY_MS).toISOString(),
    assigned,
  }));
}

describe('forecastRunOut', () => {
  it('projects a steady rise to the day the seats run out', () => {
    const forecast = forecastRunOut(daily([60, 62, 64, 66, 68, 70]), 90, NOW);
    assert.ok(forecast);
    assert.equal(forecast.seatsPerDay, 2);
    assert.equal(forecast.daysLeft, 10);
    assert.equal(forecast.runOutAt, new Date(NOW.getTime() + 10 * DAY_MS).toISOString());
  });

  it('projects from the latest point when it is older than now', () => {
    const forecast = forecastRunOut(daily([60, 64, 68, 72], 2), 88, NOW);
    assert.ok(forecast);
    assert.deepEqual([forecast.seatsPerDay, forecast.daysLeft], [4, 2]);
  });

  it('fits the trend through noisy counts', () => {
    const forecast = forecastRunOut(daily([10, 13, 12, 15, 14, 17]), 100, NOW);
    assert.ok(forecast);
    // By hand: x = 0..5 days, mean 2.5; y mean 13.5; sum of dx*dy = 20.5; sum of dx^2 = 17.5.
    assert.ok(Math.abs(forecast.seatsPerDay - 20.5 / 17.5) < 1e-9, `slope ${forecast.seatsPerDay}`);
  });

  it('ignores points outside the window when fitting', () => {
    const old = daily([0, 0, 0], 40);
    const forecast = forecastRunOut([...old, ...daily([50, 51, 52])], 62, NOW, { windowDays: 30 });
    assert.ok(forecast);
    assert.deepEqual([forecast.seatsPerDay, forecast.daysLeft], [1, 10]);
  });

  it('ignores points in the future and unreadable points', () => {
    const future = { at: new Date(NOW.getTime() + 2 * DAY_MS).toISOString(), assigned: 1000 };
    const broken = [{ at: 'yesterday', assigned: 5 }, { at: NOW.toISOString(), assigned: Number.NaN }];
    const forecast = forecastRunOut([...daily([10, 20, 30]), future, ...broken], 40, NOW);
    assert.ok(forecast);
    assert.deepEqual([forecast.seatsPerDay, forecast.daysLeft], [10, 1]);
  });

  it('reports a SKU already used up as running out now', () => {
    assert.deepEqual(forecastRunOut(daily([95, 98, 101]), 100, NOW), { seatsPerDay: 3, runOutAt: NOW.toISOString(), daysLeft: 0 });
  });

  it('reports a SKU exactly at its seats as running out now', () => {
    assert.equal(forecastRunOut(daily([96, 98, 100]), 100, NOW)?.daysLeft, 0);
  });

  const none: { name: string; points: AssignedPoint[]; purchased?: number; minPoints?: number }[] = [
    { name: 'flat use', points: daily([50, 50, 50, 50]) },
    { name: 'falling use', points: daily([60, 55, 52, 50]) },
    { name: 'fewer points than required', points: daily([10, 20]) },
    { name: 'fewer points than a raised minimum', points: daily([10, 20, 30]), minPoints: 4 },
    { name: 'points only outside the window', points: daily([10, 20, 30, 40], 31) },
    { name: 'points all taken at one moment', points: [10, 20, 30].map((assigned) => ({ at: NOW.toISOString(), assigned })) },
    { name: 'a purchase count that is not a number', points: daily([10, 20, 30]), purchased: Number.NaN },
    { name: 'a run-out beyond any date', points: daily([0, 1e-12, 2e-12]), purchased: 1e12 },
  ];
  for (const { name, points, purchased = 100, minPoints } of none) {
    it(`gives no forecast for ${name}`, () => {
      assert.equal(forecastRunOut(points, purchased, NOW, { minPoints }), null);
    });
  }
});

describe('describeForecast', () => {
  function forecastIn(days: number): RunOutForecast {
    return { seatsPerDay: 2, runOutAt: new Date(NOW.getTime() + days * DAY_MS).toISOString(), daysLeft: days };
  }

  const cases: { name: string; forecast: RunOutForecast; expected: string }[] = [
    {
      name: 'says how many days and the date',
      forecast: forecastIn(9),
      expected: 'at the current rate, Microsoft 365 E3 runs out in about 9 days (around 8 December)',
    },
    {
      name: 'rounds to whole days',
      forecast: forecastIn(2.6),
      expected: 'at the current rate, Microsoft 365 E3 runs out in about 3 days (around 2 December)',
    },
    {
      name: 'says one day in the singular',
      forecast: forecastIn(1),
      expected: 'at the current rate, Microsoft 365 E3 runs out in about 1 day (around 30 November)',
    },
    {
      name: 'says within a day for less than half a day',
      forecast: forecastIn(0.3),
      expected: 'at the current rate, Microsoft 365 E3 runs out within a day (around 29 November)',
    },
    {
      name: 'adds the year when it is not this year',
      forecast: forecastIn(40),
      expected: 'at the current rate, Microsoft 365 E3 runs out in about 40 days (around 8 January 2026)',
    },
    {
      name: 'says the SKU has run out with no days left',
      forecast: forecastIn(0),
      expected: 'at the current rate, Microsoft 365 E3 has run out',
    },
  ];
  for (const { name, forecast, expected } of cases) {
    it(name, () => {
      assert.equal(describeForecast(forecast, 'Microsoft 365 E3', NOW), expected);
    });
  }

  it('dates in UTC', () => {
    const lateEvening = new Date('2025-11-29T23:30:00Z');
    const forecast = { seatsPerDay: 1, runOutAt: '2025-12-08T23:30:00.000Z', daysLeft: 9 };
    assert.match(describeForecast(forecast, 'Office 365 E3', lateEvening), /around 8 December\)$/);
  });
});
