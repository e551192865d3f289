import assert from 'node:assert/strict';
import { ValidationError } from '../../src/errors';
import { parseRequestedQuantity } from '../../src/reservations/parse-requested-quantity';

describe('parseRequestedQuantity', () => {
  const valid: [unknown, number][] = [['15', 15], [' 15 ', 15], [15, 15], ['1', 1], ['100000', 100_000]];
  for (const [input, expected] of valid) {
    it(`accepts ${JSON.stringify(input)} as ${expected}`, () => {
      assert.equal(parseRequestedQuantity(input), expected);
    });
  }

  const invalid: unknown[] = ['1.5', 1.5, '-3', -3, 'abc', '0', 0, '', '100001', '1e3', null, undefined, {}, ['5']];
  for (const input of invalid) {
    it(`refuses ${JSON.stringify(input) ?? 'undefined'} with a message`, () => {
      assert.throws(() => parseRequestedQuantity(input), (error: unknown) => error instanceof ValidationError && /whole number from 1 to 100,000/.test(error.message));
    });
  }
});
