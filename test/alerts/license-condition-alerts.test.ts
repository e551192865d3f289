import assert from 'node:assert/strict';
import { evaluateAlerts } from '../../src/alerts/evaluate-alerts';
import type { SkuFigures } from '../../src/licenses/sku-figures';
import type { AlertState } from '../../src/alerts/alert-state';
import { makeSkuFigures } from '../cards/support/sku-figures-factory';
import { SETTINGS, applyChanges, posted } from './alert-state-fixture';

const START = Date.parse('2025-05-01T09:00:00Z');
const HOUR = 60 * 60 * 1000;
const SKU_ID = '22222222-2222-4222-8222-222222222222';

function base(overrides: Partial<SkuFigures> & { purchased: number; assigned: number }): SkuFigures {
  return makeSkuFigures({ skuId: SKU_ID, displayName: 'Office 365 E5', ...overrides });
}

/** A SKU in `status` with `assigned` users and no active seat. */
function inactive(status: string, assigned: number): SkuFigures {
  return { ...base({ purchased: 0, assigned, suspended: 25 }), status, overAssigned: 0, lostService: assigned };
}

function healthy(): SkuFigures {
  return base({ purchased: 100, assigned: 50 });
}

function errors(...counts: [string, number][]): SkuFigures {
  return { ...healthy(), otherErrors: counts.map(([error, users]) => ({ error, users, groups: [{ groupId: 'g', displayName: 'Contractors', users }] })) };
}

function run(steps: readonly { figures: SkuFigures; hoursLater?: number }[]): { posts: string[][]; states: AlertState[] } {
  let states: AlertState[] = [];
  let hours = 0;
  const posts: string[][] = [];
  for (const step of steps) {
    hours += step.hoursLater ?? 1;
    const evaluation = evaluateAlerts({ previous: states, figures: [step.figures], subscriptions: [], thresholds: new Map(), now: new Date(START + hours * HOUR), settings: SETTINGS });
    states = applyChanges(states, evaluation);
    posts.push(posted(evaluation));
  }
  return { posts, states };
}

describe('evaluateAlerts: subscription states and licensing errors', () => {
  for (const status of ['Suspended', 'LockedOut', 'Deleted']) {
    it(`raises suspended once for a ${status} SKU users still hold, not over-assigned or out of seats, and resolves once`, () => {
      const { posts, states } = run([
        { figures: inactive(status, 14) },
        { figures: inactive(status, 14) },
        { figures: inactive(status, 3) },
        { figures: inactive(status, 0) },
        { figures: inactive(status, 0) },
      ]);

      assert.deepEqual(posts, [['suspended new'], [], [], ['suspended resolved'], []]);
      assert.deepEqual(states.filter((s) => s.status === 'active'), []);
    });
  }

  it('sets a SKU\'s seat warning aside silently when its subscription is suspended', () => {
    const { posts, states } = run([{ figures: base({ purchased: 100, assigned: 100 }) }, { figures: inactive('Suspended', 100) }]);

    assert.deepEqual(posts, [['exhausted new'], ['suspended new']]);
    const exhausted = states.find((s) => s.condition === 'exhausted');
    assert.equal(exhausted?.status, 'resolved');
    assert.equal((exhausted?.details as { silentReason?: string }).silentReason, 'suspended');
  });

  it('does not call users on grace-period seats over-assigned, only those beyond them', () => {
    const grace = base({ purchased: 20, assigned: 26, expiring: 10 });
    const beyond = base({ purchased: 20, assigned: 33, expiring: 10 });
    assert.equal(grace.overAssigned, 0);

    const { posts } = run([{ figures: grace }, { figures: beyond }, { figures: grace }]);

    assert.ok(!posts[0]?.includes('over-assigned new'), posts.join('|'));
    assert.ok(posts[1]?.includes('over-assigned new'), posts.join('|'));
    assert.ok(posts[2]?.includes('over-assigned resolved'), posts.join('|'));
  });

  it('does not raise waiting when nobody waits, even with a shortfall from seats beyond the active ones', () => {
    const grace = base({ purchased: 20, assigned: 26, expiring: 10 });
    assert.ok((grace.shortfall ?? 0) > 0);
    assert.ok(!run([{ figures: grace }]).posts[0]?.includes('waiting new'));
  });

  it('posts license errors once per change, never as a reminder, and resolves once', () => {
    const { posts } = run([
      { figures: errors(['ProhibitedInUsageLocationViolation', 2]) },
      { figures: errors(['ProhibitedInUsageLocationViolation', 2]), hoursLater: 30 },
      { figures: errors(['ProhibitedInUsageLocationViolation', 3]) },
      { figures: errors(['ProhibitedInUsageLocationViolation', 3], ['MutuallyExclusiveViolation', 1]) },
      { figures: errors(['MutuallyExclusiveViolation', 1], ['ProhibitedInUsageLocationViolation', 3]), hoursLater: 30 },
      { figures: healthy() },
      { figures: healthy() },
    ]);

    assert.deepEqual(posts, [['license-errors new'], [], ['license-errors new'], ['license-errors new'], [], ['license-errors resolved'], []]);
  });
});
