import assert from 'node:assert/strict';
import type { AlertTransition } from '../../src/alerts/alert-transition';
import { buildAlertOutbox } from '../../src/alerts/build-alert-outbox';
import type { WatchedPlace } from '../../src/delivery/watched-place';
import { makeSkuFigures } from '../cards/support/sku-figures-factory';

const NOW = new Date('2025-05-01T09:00:00Z');
const DIGEST = { card: { type: 'AdaptiveCard' }, summary: 'digest' };
const FIGURES = makeSkuFigures({ purchased: 10, assigned: 9 });

function place(conversationId: string): WatchedPlace {
  return { conversationId, kind: 'channel', addedBy: 'admin', addedAt: NOW.toISOString(), active: true, inactiveReason: null, inactiveSince: null };
}

function transition(condition: string, expectedVersion: number | null): AlertTransition {
  return { skuId: FIGURES.skuId, condition, kind: 'new', figures: FIGURES, threshold: 5, recoveryLevel: 6, expiry: null, expectedVersion };
}

describe('buildAlertOutbox', () => {
  it('makes one message per place', () => {
    const messages = buildAlertOutbox([transition('low', null), transition('waiting', null)], [place('a'), place('b')], DIGEST, NOW);

    assert.deepEqual(messages.map((m) => m.target), ['a', 'b']);
  });

  it('derives the same dedupe key from the same transitions in any order', () => {
    const first = buildAlertOutbox([transition('low', 1), transition('waiting', 2)], [place('a')], DIGEST, NOW);
    const again = buildAlertOutbox([transition('waiting', 2), transition('low', 1)], [place('a')], DIGEST, NOW);

    assert.equal(first[0].dedupeKey, again[0].dedupeKey);
  });

  it('derives a different key once the state has moved on', () => {
    const first = buildAlertOutbox([transition('low', 1)], [place('a')], DIGEST, NOW);
    const later = buildAlertOutbox([transition('low', 2)], [place('a')], DIGEST, NOW);

    assert.notEqual(first[0].dedupeKey, later[0].dedupeKey);
  });
});
