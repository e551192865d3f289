import assert from 'node:assert/strict';
import { evaluateAlerts, type AlertEvaluation } from '../../src/alerts/evaluate-alerts';
import type { TenantSubscription } from '../../src/licenses/license-snapshot';
import type { SkuFigures } from '../../src/licenses/sku-figures';
import type { AlertState } from '../../src/alerts/alert-state';
import type { SkuThreshold } from '../../src/settings/sku-threshold';
import { makeGroups, makeSkuFigures } from '../cards/support/sku-figures-factory';
import { SETTINGS, applyChanges, posted } from './alert-state-fixture';

const START = Date.parse('2025-05-01T09:00:00Z');
const HOUR = 60 * 60 * 1000;
const SKU_ID = '11111111-1111-4111-8111-111111111111';

function sku(available: number, overrides: Partial<SkuFigures> = {}): SkuFigures {
  return makeSkuFigures({ skuId: SKU_ID, displayName: 'Microsoft 365 E3', purchased: 100, assigned: 100 - available, ...overrides });
}

interface Step {
  figures: SkuFigures[];
  hoursLater?: number;
  subscriptions?: TenantSubscription[];
  thresholds?: Map<string, SkuThreshold>;
}

/** Runs ticks in order, carrying states between them; returns what each tick posted and the final states. */
function run(steps: readonly Step[], initial: AlertState[] = []): { posts: string[][]; states: AlertState[]; evaluations: AlertEvaluation[] } {
  let states = initial;
  let hours = 0;
  const posts: string[][] = [];
  const evaluations: AlertEvaluation[] = [];
  for (const step of steps) {
    hours += step.hoursLater ?? 1;
    const evaluation = evaluateAlerts({
      previous: states,
      figures: step.figures,
      subscriptions: step.subscriptions ?? [],
      thresholds: step.thresholds ?? new Map(),
      now: new Date(START + hours * HOUR),
      settings: SETTINGS,
    });
    states = applyChanges(states, evaluation);
    posts.push(posted(evaluation));
    evaluations.push(evaluation);
  }
  return { posts, states, evaluations };
}

function activeConditions(states: readonly AlertState[]): string[] {
  return states.filter((s) => s.status === 'active').map((s) => s.condition).sort();
}

describe('evaluateAlerts', () => {
  // Threshold 10 (absolute), so the hysteresis margin is 1 and recovery needs 11 available.
  const ladder: { name: string; available: number[]; posts: string[][]; active: string[] }[] = [
    { name: 'posts nothing while a SKU stays above its threshold', available: [50, 40, 30], posts: [[], [], []], active: [] },
    { name: 'posts one warning when a SKU drops below its threshold and none on unchanged ticks', available: [50, 9, 9, 8], posts: [[], ['low new'], [], []], active: ['low'] },
    { name: 'posts an escalation when a low SKU runs out', available: [9, 0], posts: [['low new'], ['exhausted escalated']], active: ['exhausted'] },
    { name: 'posts a new exhausted warning when a SKU runs out from healthy', available: [50, 0], posts: [[], ['exhausted new']], active: ['exhausted'] },
    { name: 'steps down from exhausted to low silently', available: [0, 3], posts: [['exhausted new'], []], active: ['low'] },
    { name: 'stays exhausted until the SKU is a margin above zero', available: [5, 0], posts: [['low new'], ['exhausted escalated']], active: ['exhausted'] },
    { name: 'does not resolve at the threshold itself (hysteresis)', available: [9, 10], posts: [['low new'], []], active: ['low'] },
    { name: 'resolves once available reaches threshold + 10%', available: [9, 10, 11], posts: [['low new'], [], ['low resolved']], active: [] },
    { name: 'resolves straight from exhausted with one notice', available: [0, 40], posts: [['exhausted new'], ['exhausted resolved']], active: [] },
    { name: 'does not warn again when a recovered SKU settles at its threshold', available: [9, 11, 10, 10], posts: [['low new'], ['low resolved'], [], []], active: [] },
    { name: 'warns again when a recovered SKU drops below its threshold once more', available: [9, 11, 9], posts: [['low new'], ['low resolved'], ['low new']], active: ['low'] },
  ];
  for (const row of ladder) {
    it(row.name, () => {
      const { posts, states } = run(row.available.map((available) => ({ figures: [sku(available)] })));

      assert.deepEqual(posts, row.posts);
      assert.deepEqual(activeConditions(states), row.active);
    });
  }

  it('raises over-assigned, exhausted and waiting together and resolves each on its own', () => {
    const groups = makeGroups(1, 25);
    const { posts } = run([
      { figures: [sku(-2, { waitingGroups: groups })] },
      { figures: [sku(2, { waitingGroups: groups })] },
      { figures: [sku(20, { waitingGroups: groups })] },
      { figures: [sku(20)] },
    ]);

    assert.deepEqual(posts, [
      ['exhausted new', 'over-assigned new', 'waiting new'],
      ['over-assigned resolved'],
      ['low resolved'],
      ['waiting resolved'],
    ]);
  });

  it('sends the recovery notice while expiring seats still hold', () => {
    const { posts, states } = run([{ figures: [sku(5, { expiring: 20 })] }, { figures: [sku(30, { expiring: 20 })] }]);

    assert.deepEqual(posts, [['expiring new', 'low new'], ['low resolved']]);
    assert.deepEqual(activeConditions(states), ['expiring']);
  });

  it('reminds once every REMIND_HOURS while a condition stays active', () => {
    const { posts } = run([
      { figures: [sku(5)] },
      { figures: [sku(5)], hoursLater: 23 },
      { figures: [sku(5)], hoursLater: 1 },
      { figures: [sku(5)], hoursLater: 12 },
      { figures: [sku(5)], hoursLater: 12 },
    ]);

    assert.deepEqual(posts, [['low new'], [], ['low reminder'], [], ['low reminder']]);
  });

  it('keeps the reminder rhythm through a silent step down from exhausted', () => {
    const { posts } = run([{ figures: [sku(0)] }, { figures: [sku(4)], hoursLater: 20 }, { figures: [sku(4)], hoursLater: 4 }]);

    assert.deepEqual(posts, [['exhausted new'], [], ['low reminder']]);
  });

  it('raises nothing for hidden SKUs', () => {
    const { posts } = run([{ figures: [sku(-5, { hidden: true, hiddenReason: 'trial', waitingGroups: makeGroups(2, 2) })] }]);

    assert.deepEqual(posts, [[]]);
  });

  it('resolves the alerts of a SKU that gets muted silently', () => {
    const { posts, states } = run([{ figures: [sku(5)] }, { figures: [sku(5, { hidden: true, hiddenReason: 'muted' })] }]);

    assert.deepEqual(posts, [['low new'], []]);
    assert.deepEqual(activeConditions(states), []);
    assert.equal((states[0].details as { silentReason: string }).silentReason, 'muted');
  });

  it('warns again when a muted SKU that is still low is unmuted', () => {
    const { posts } = run([{ figures: [sku(5)] }, { figures: [sku(5, { hidden: true, hiddenReason: 'muted' })] }, { figures: [sku(5)] }]);

    assert.deepEqual(posts, [['low new'], [], ['low new']]);
  });

  it('resolves the alerts of a SKU gone from the tenant silently', () => {
    const { posts, states } = run([{ figures: [sku(5)] }, { figures: [] }]);

    assert.deepEqual(posts, [['low new'], []]);
    assert.equal((states[0].details as { silentReason: string }).silentReason, 'gone');
  });

  it('uses the per-SKU threshold over the default', () => {
    const thresholds = new Map<string, SkuThreshold>([[SKU_ID, { kind: 'absolute', value: 30 }]]);
    const { posts, evaluations } = run([{ figures: [sku(25)], thresholds }]);

    assert.deepEqual(posts, [['low new']]);
    assert.equal(evaluations[0].transitions[0].threshold, 30);
    assert.equal(evaluations[0].transitions[0].recoveryLevel, 33);
  });

  it('names the version each change was computed from', () => {
    const { states, evaluations } = run([{ figures: [sku(5)] }, { figures: [sku(50)] }]);

    assert.equal(evaluations[0].changes[0].expectedVersion, null);
    assert.equal(evaluations[1].changes[0].expectedVersion, 1);
    assert.equal(states[0].version, 2);
  });

  it('warns of a trial subscription ending within EXPIRY_WARNING_DAYS but not of a paid one renewing', () => {
    const subscription = (isTrial: boolean): TenantSubscription => ({
      id: `sub-${String(isTrial)}`,
      skuId: SKU_ID,
      skuPartNumber: 'SPE_E3',
      status: 'Enabled',
      totalLicenses: 10,
      isTrial,
      createdDateTime: null,
      nextLifecycleDateTime: new Date(START + 10 * 24 * HOUR).toISOString(),
    });

    const renewing = run([{ figures: [sku(50)], subscriptions: [subscription(false)] }]);
    const ending = run([{ figures: [sku(50)], subscriptions: [subscription(false), subscription(true)] }]);

    assert.deepEqual(renewing.posts, [[]]);
    assert.deepEqual(ending.posts, [['expiring new']]);
  });
});
