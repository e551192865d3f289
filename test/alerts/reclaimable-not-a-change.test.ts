import assert from 'node:assert/strict';
import { evaluateAlerts } from '../../src/alerts/evaluate-alerts';
import type { AlertState } from '../../src/alerts/alert-state';
import type { ReclaimableSeats } from '../../src/licenses/reclaimable-seats';
import { makeSkuFigures } from '../cards/support/sku-figures-factory';
import { SETTINGS, applyChanges, posted } from './alert-state-fixture';

const START = Date.parse('2025-05-01T09:00:00Z');
const HOUR = 60 * 60 * 1000;

function scanned(hour: number, disabled: number, inactive: number | null): ReclaimableSeats {
  return { asOf: new Date(START + hour * HOUR).toISOString(), inactiveDays: 90, inactiveUnknown: null, disabled, inactive };
}

describe('reclaimable seats and the alert digest', () => {
  it('posts once for a short SKU; new scans with other counts post nothing until a condition changes', () => {
    const scans: (ReclaimableSeats | null)[] = [null, scanned(1, 7, 12), scanned(2, 9, 3), scanned(3, 0, 0)];
    let states: AlertState[] = [];
    const posts: string[][] = [];
    scans.forEach((reclaimable, index) => {
      const figures = makeSkuFigures({
        skuId: '11111111-1111-4111-8111-111111111111',
        purchased: 100,
        assigned: 100,
        waitingGroups: [{ groupId: 'g', displayName: 'Contractors', waiting: 5 }],
        reclaimable,
      });
      const evaluation = evaluateAlerts({
        previous: states,
        figures: [figures],
        subscriptions: [],
        thresholds: new Map(),
        now: new Date(START + (index + 1) * 10 * 60 * 1000),
        settings: SETTINGS,
      });
      states = applyChanges(states, evaluation);
      posts.push(posted(evaluation));
    });

    assert.ok((posts[0] ?? []).length > 0, 'the shortfall is posted');
    assert.deepEqual(posts.slice(1), [[], [], []]);
  });
});
