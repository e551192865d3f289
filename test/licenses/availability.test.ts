import assert from 'node:assert/strict';
import { computeSkuFigures, findShortfalls, sortTightestFirst } from '../../src/licenses/availability';
import type { LicenseSnapshot } from '../../src/licenses/license-snapshot';
import type { SkuFigures } from '../../src/licenses/sku-figures';
import { SKU, makeFigures, makeSku, makeSnapshot, makeSubscription, makeWaiting } from './license-factories';

function only(snapshot: LicenseSnapshot, options?: Parameters<typeof computeSkuFigures>[1]): SkuFigures {
  const [figures] = computeSkuFigures(snapshot, options);
  assert.ok(figures, 'expected figures for one SKU');
  return figures;
}

function seatsOf(enabled: number, consumed: number): LicenseSnapshot['skus'] {
  return [makeSku(SKU.m365E3, { consumedUnits: consumed, prepaidUnits: { enabled, warning: 0, suspended: 0, lockedOut: 0 } })];
}

describe('computeSkuFigures', () => {
  it('reads every prepaid count and the product name', () => {
    const snapshot = makeSnapshot({
      skus: [makeSku(SKU.m365E3, { consumedUnits: 37, prepaidUnits: { enabled: 50, warning: 5, suspended: 3, lockedOut: 2 } })],
    });
    const figures = only(snapshot);
    assert.deepEqual(
      [figures.displayName, figures.purchased, figures.expiring, figures.suspended, figures.lockedOut, figures.assigned, figures.available],
      ['Microsoft 365 E3', 50, 5, 3, 2, 37, 13],
    );
  });

  it('lets available go negative when more seats are assigned than bought', () => {
    assert.equal(only(makeSnapshot({ skus: seatsOf(10, 13) })).available, -3);
  });

  it('counts only the users beyond the free seats as shortfall', () => {
    const waiting = ['u1', 'u2', 'u3', 'u4', 'u5'].map((user) => makeWaiting(user, SKU.m365E3, 'g-sales', 'Sales'));
    const figures = only(makeSnapshot({ skus: seatsOf(10, 8), waiting }));
    assert.deepEqual([figures.waiting, figures.shortfall], [5, 3]);
  });

  it('adds over-assignment to the shortfall', () => {
    const waiting = ['u1', 'u2'].map((user) => makeWaiting(user, SKU.m365E3, 'g-sales', 'Sales'));
    const figures = only(makeSnapshot({ skus: seatsOf(10, 12), waiting }));
    assert.deepEqual([figures.available, figures.shortfall], [-2, 4]);
  });

  it('reports no shortfall when the free seats cover everyone waiting', () => {
    const waiting = [makeWaiting('u1', SKU.m365E3, 'g-sales', 'Sales')];
    assert.equal(only(makeSnapshot({ skus: seatsOf(10, 5), waiting })).shortfall, 0);
  });

  it('counts a user waiting in two groups once', () => {
    const waiting = [
      makeWaiting('u1', SKU.m365E3, 'g-sales', 'Sales'),
      makeWaiting('u1', SKU.m365E3, 'g-all', 'All staff'),
      makeWaiting('u2', SKU.m365E3, 'g-all', 'All staff'),
    ];
    const figures = only(makeSnapshot({ skus: seatsOf(10, 10), waiting }));
    assert.deepEqual([figures.waiting, figures.shortfall], [2, 2]);
  });

  it('lists waiting groups largest first, each with distinct users', () => {
    const waiting = [
      makeWaiting('u1', SKU.m365E3, 'g-sales', 'Sales'),
      makeWaiting('u1', SKU.m365E3, 'g-sales', 'Sales'),
      makeWaiting('u2', SKU.m365E3, 'g-all', 'All staff'),
      makeWaiting('u3', SKU.m365E3, 'g-all', 'All staff'),
      makeWaiting('u1', SKU.m365E3, 'g-all', 'All staff'),
    ];
    assert.deepEqual(only(makeSnapshot({ skus: seatsOf(10, 10), waiting })).waitingGroups, [
      { groupId: 'g-all', displayName: 'All staff', waiting: 3 },
      { groupId: 'g-sales', displayName: 'Sales', waiting: 1 },
    ]);
  });

  it('labels users waiting through a direct assignment', () => {
    const waiting = [makeWaiting('u1', SKU.m365E3, null), makeWaiting('u2', SKU.m365E3, null)];
    const figures = only(makeSnapshot({ skus: seatsOf(10, 10), waiting }));
    assert.deepEqual([figures.waiting, figures.waitingGroups], [2, [{ groupId: null, displayName: 'Direct assignment', waiting: 2 }]]);
  });

  it('labels a group without a display name by its id', () => {
    const waiting = [makeWaiting('u1', SKU.m365E3, 'g-unnamed', null)];
    assert.equal(only(makeSnapshot({ skus: seatsOf(10, 10), waiting })).waitingGroups[0]?.displayName, 'g-unnamed');
  });

  it('counts waiting users only for their own SKU', () => {
    const snapshot = makeSnapshot({
      skus: [makeSku(SKU.m365E3), makeSku(SKU.o365E3)],
      waiting: [makeWaiting('u1', SKU.o365E3, 'g-sales', 'Sales'), makeWaiting('u2', SKU.m365E5, 'g-sales', 'Sales')],
    });
    assert.deepEqual(computeSkuFigures(snapshot).map((figures) => figures.waiting), [0, 1]);
  });

  it('passes held seats through by SKU', () => {
    const snapshot = makeSnapshot({ skus: [makeSku(SKU.m365E3), makeSku(SKU.o365E3)] });
    const figures = computeSkuFigures(snapshot, { held: new Map([[SKU.o365E3, 4]]) });
    assert.deepEqual(figures.map((sku) => sku.held), [0, 4]);
  });

  it('marks muted and free SKUs hidden with their reason', () => {
    const snapshot = makeSnapshot({ skus: [makeSku(SKU.m365E3), makeSku(SKU.visioPlan2), makeSku(SKU.flowFree)] });
    const figures = computeSkuFigures(snapshot, { muted: new Set([SKU.visioPlan2]) });
    assert.deepEqual(
      figures.map((sku) => [sku.hidden, sku.hiddenReason]),
      [[false, null], [true, 'muted'], [true, 'free']],
    );
  });

  it('hides a SKU bought only as a trial', () => {
    const snapshot = makeSnapshot({ skus: [makeSku(SKU.m365E5)], subscriptions: [makeSubscription(SKU.m365E5, { isTrial: true })] });
    assert.equal(only(snapshot).hiddenReason, 'trial');
  });

  it('reads negative and non-finite counts as zero', () => {
    const snapshot = makeSnapshot({
      skus: [makeSku(SKU.m365E3, { consumedUnits: Number.NaN, prepaidUnits: { enabled: -5, warning: Infinity, suspended: -1, lockedOut: Number.NaN } })],
    });
    const figures = only(snapshot, { held: new Map([[SKU.m365E3, -2]]) });
    assert.deepEqual(
      [figures.purchased, figures.expiring, figures.suspended, figures.lockedOut, figures.assigned, figures.available, figures.held],
      [0, 0, 0, 0, 0, 0, 0],
    );
  });

  it('keeps the first of two entries for one SKU', () => {
    const snapshot = makeSnapshot({
      skus: [...seatsOf(10, 4), ...seatsOf(99, 1), makeSku(SKU.o365E3)],
    });
    assert.deepEqual(computeSkuFigures(snapshot).map((figures) => [figures.skuId, figures.purchased]), [
      [SKU.m365E3, 10],
      [SKU.o365E3, 10],
    ]);
  });
});

describe('sortTightestFirst', () => {
  it('orders by shortfall, then headroom relative to size, then name', () => {
    const figures = [
      makeFigures('Roomy', { purchased: 10, assigned: 2 }),
      makeFigures('Small, 2 left', { purchased: 10, assigned: 8 }),
      makeFigures('Large, 5 left', { purchased: 1000, assigned: 995 }),
      makeFigures('Waiting', { purchased: 10, assigned: 10, waiting: 3, shortfall: 3 }),
      makeFigures('Over-assigned', { purchased: 10, assigned: 12 }),
      makeFigures('Exhausted B', { purchased: 20, assigned: 20 }),
      makeFigures('Exhausted A', { purchased: 20, assigned: 20 }),
      makeFigures('Most waiting', { purchased: 5, assigned: 5, waiting: 7, shortfall: 7 }),
    ];
    assert.deepEqual(sortTightestFirst(figures).map((sku) => sku.displayName), [
      'Most waiting',
      'Waiting',
      'Over-assigned',
      'Exhausted A',
      'Exhausted B',
      'Large, 5 left',
      'Small, 2 left',
      'Roomy',
    ]);
  });

  it('ranks a SKU with nothing bought by its available seats alone', () => {
    const figures = [makeFigures('Half used', { purchased: 10, assigned: 5 }), makeFigures('Expired', { purchased: 0, assigned: 0 })];
    assert.deepEqual(sortTightestFirst(figures).map((sku) => sku.displayName), ['Expired', 'Half used']);
  });

  it('leaves its input in place', () => {
    const figures = [makeFigures('Roomy', { assigned: 1 }), makeFigures('Tight', { assigned: 9 })];
    sortTightestFirst(figures);
    assert.deepEqual(figures.map((sku) => sku.displayName), ['Roomy', 'Tight']);
  });
});

describe('findShortfalls', () => {
  it('returns visible SKUs with users waiting beyond the seats or over-assigned, tightest first', () => {
    const figures = [
      makeFigures('Fine', { purchased: 10, assigned: 5 }),
      makeFigures('Exhausted, nobody waiting', { purchased: 10, assigned: 10 }),
      makeFigures('Over-assigned', { purchased: 10, assigned: 11 }),
      makeFigures('Waiting', { purchased: 10, assigned: 10, waiting: 2, shortfall: 2 }),
      makeFigures('Hidden and waiting', { assigned: 10, waiting: 9, shortfall: 9, hidden: true, hiddenReason: 'muted' }),
    ];
    assert.deepEqual(findShortfalls(figures).map((sku) => sku.displayName), ['Waiting', 'Over-assigned']);
  });
});
