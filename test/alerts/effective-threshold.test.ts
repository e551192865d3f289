import assert from 'node:assert/strict';
import { effectiveThreshold, hysteresisMargin } from '../../src/alerts/effective-threshold';

describe('effectiveThreshold', () => {
  const rows: [string, number, Parameters<typeof effectiveThreshold>[1], number][] = [
    ['takes an absolute count as is', 500, { kind: 'absolute', value: 10 }, 10],
    ['takes a percentage of purchased seats', 500, { kind: 'percent', value: 5 }, 25],
    ['rounds a percentage up', 30, { kind: 'percent', value: 5 }, 2],
    ['does not round up float noise', 300, { kind: 'percent', value: 7 }, 21],
    ['never goes below 1', 4, { kind: 'percent', value: 5 }, 1],
  ];
  for (const [name, purchased, threshold, expected] of rows) {
    it(name, () => {
      assert.equal(effectiveThreshold(purchased, threshold), expected);
    });
  }
});

describe('hysteresisMargin', () => {
  it('is 10% of the threshold rounded up, at least 1', () => {
    assert.deepEqual([1, 10, 25, 30, 101].map(hysteresisMargin), [1, 1, 3, 3, 11]);
  });
});
