import assert from 'node:assert/strict';
import { describeDataAge } from '../../src/cards/describe-data-age';

const TAKEN = '2025-05-01T09:00:00Z';

function at(offsetMs: number): Date {
  return new Date(Date.parse(TAKEN) + offsetMs);
}

describe('describeDataAge', () => {
  it('says less than a minute for seconds-old data and for a time in the future', () => {
    assert.equal(describeDataAge(TAKEN, at(59_000)), 'less than a minute ago');
    assert.equal(describeDataAge(TAKEN, at(-5_000)), 'less than a minute ago');
  });

  it('counts whole minutes, hours and days with the right plural', () => {
    assert.equal(describeDataAge(TAKEN, at(60_000)), '1 minute ago');
    assert.equal(describeDataAge(TAKEN, at(14 * 60_000 + 59_000)), '14 minutes ago');
    assert.equal(describeDataAge(TAKEN, at(2 * 3_600_000)), '2 hours ago');
    assert.equal(describeDataAge(TAKEN, at(3 * 86_400_000)), '3 days ago');
  });

  it('refuses a time that is not ISO-8601', () => {
    assert.throws(() => describeDataAge('yesterday', at(0)), RangeError);
  });
});
