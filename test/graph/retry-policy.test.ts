import assert from 'node:assert/strict';
import { RetryPolicy } from '../../src/graph/retry-policy';

describe('RetryPolicy', () => {
  it('waits exactly the seconds Graph asks for in Retry-After', () => {
    const policy = new RetryPolicy({ random: () => 0.5 });

    assert.equal(policy.delayMs(1, '7'), 7000);
  });

  it('reads a Retry-After given as an HTTP date', () => {
    const policy = new RetryPolicy();
    const inTenSeconds = new Date(Date.now() + 10_000).toUTCString();

    const delay = policy.delayMs(1, inTenSeconds);

    assert.ok(delay !== null && delay > 8000 && delay <= 10_000, `delay ${String(delay)}`);
  });

  it('gives up rather than wait longer than the accepted Retry-After', () => {
    const policy = new RetryPolicy({ maxRetryAfterSeconds: 60 });

    assert.equal(policy.delayMs(1, '3600'), null);
  });

  it('backs off exponentially with jitter inside each step when Graph gives no Retry-After', () => {
    const low = new RetryPolicy({ baseDelayMs: 1000, random: () => 0 });
    const high = new RetryPolicy({ baseDelayMs: 1000, random: () => 0.999 });

    const lows = [1, 2, 3].map((attempt) => low.delayMs(attempt, null));
    const highs = [1, 2, 3].map((attempt) => high.delayMs(attempt, null) ?? 0);

    assert.deepEqual(lows, [500, 1000, 2000]);
    assert.ok(highs.every((delay, index) => delay > 1000 * 2 ** index * 0.99 && delay <= 1000 * 2 ** index), `highs ${highs.join(',')}`);
  });

  it('caps a backoff step at the maximum delay', () => {
    const policy = new RetryPolicy({ baseDelayMs: 1000, maxDelayMs: 5000, random: () => 0 });

    assert.equal(policy.delayMs(10, null), 2500);
  });

  it('retries 429, 503 and 504 but not 500', () => {
    const policy = new RetryPolicy();

    assert.deepEqual(
      [429, 500, 503, 504].map((status) => policy.isRetryable(status)),
      [true, false, true, true],
    );
  });
});
