import assert from 'node:assert/strict';
import { DeliveryError } from '../../src/delivery/delivery-error';
import type { OutboxKind } from '../../src/delivery/outbox-message';
import { planRedelivery } from '../../src/delivery/plan-redelivery';

const NOW = new Date('2025-05-01T09:00:00.000Z');
const BACKOFF = { baseMs: 1_000, maxMs: 10_000, maxAttempts: 5 };

function plan(error: unknown, attempts = 1, kind: OutboxKind = 'channel') {
  return planRedelivery(error, attempts, kind, NOW, BACKOFF, 1);
}

describe('planRedelivery', () => {
  it('retries a 429 after Retry-After', () => {
    assert.equal(plan(new DeliveryError('slow down', 429, 7)).nextAttemptAt, '2025-05-01T09:00:07.000Z');
  });

  it('backs off exponentially on 408, 412, 502, 503, 504 and network failures', () => {
    const next = [408, 412, 502, 503, 504, null].map((status) => plan(new DeliveryError('x', status), 3).nextAttemptAt);

    assert.deepEqual(next, Array(6).fill('2025-05-01T09:00:04.000Z'));
  });

  it('caps the backoff', () => {
    assert.equal(plan(new DeliveryError('x', 503), 4 + 0).nextAttemptAt, '2025-05-01T09:00:08.000Z');
    assert.equal(planRedelivery(new DeliveryError('x', 503), 4, 'channel', NOW, { ...BACKOFF, maxMs: 5_000 }, 1).nextAttemptAt, '2025-05-01T09:00:05.000Z');
  });

  it('gives up on other 4xx without retrying', () => {
    const result = plan(new DeliveryError('bad', 400));

    assert.equal(result.nextAttemptAt, null);
    assert.equal(result.placeGone, false);
  });

  it('gives up on a 403 to a conversation (channel or suggestion card) and reports the place gone, not for a webhook', () => {
    const kinds: OutboxKind[] = ['channel', 'suggestion-card', 'webhook'];
    const plans = kinds.map((kind) => plan(new DeliveryError('gone', 403), 1, kind));

    assert.deepEqual(plans.map((p) => [p.nextAttemptAt, p.placeGone]), [[null, true], [null, true], [null, false]]);
  });

  it('gives up on a permanent failure without a status', () => {
    assert.equal(plan(new DeliveryError('no reference', null, null, { permanent: true })).nextAttemptAt, null);
  });

  it('gives up after the last attempt', () => {
    assert.equal(plan(new DeliveryError('x', 503), 5).nextAttemptAt, null);
  });
});
