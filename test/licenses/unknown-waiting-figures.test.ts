import assert from 'node:assert/strict';
import { computeSkuFigures, findShortfalls, sortTightestFirst } from '../../src/licenses/availability';
import type { LicenseSnapshot } from '../../src/licenses/license-snapshot';
import type { SnapshotProblem } from '../../src/licenses/snapshot-problem';
import { SKU, makeSku, makeSnapshot, makeWaiting } from './license-factories';

const MISSING_MEMBERS: SnapshotProblem = {
  permission: 'GroupMember.Read.All',
  effect: 'waiting users and the shortfall are unknown',
  unknown: 'waiting',
};

/** E3 full and over-assigned by 2, Visio with 5 of 50 free. */
function skus(): LicenseSnapshot['skus'] {
  return [
    makeSku(SKU.visioPlan2, { consumedUnits: 45, prepaidUnits: { enabled: 50, warning: 0, suspended: 0, lockedOut: 0 } }),
    makeSku(SKU.m365E3, { consumedUnits: 102, prepaidUnits: { enabled: 100, warning: 0, suspended: 0, lockedOut: 0 } }),
  ];
}

describe('computeSkuFigures when waiting is unknown (a missing Graph permission)', () => {
  it('makes waiting, shortfall, blocked and other errors null, never 0, while seat figures stay known', () => {
    const figures = computeSkuFigures(makeSnapshot({ skus: skus(), problems: [MISSING_MEMBERS] }));

    assert.equal(figures.length, 2);
    for (const sku of figures) {
      assert.equal(sku.waiting, null, sku.skuPartNumber);
      assert.equal(sku.shortfall, null, sku.skuPartNumber);
      assert.equal(sku.blocked, null, sku.skuPartNumber);
      assert.equal(sku.otherErrors, null, sku.skuPartNumber);
      assert.deepEqual(sku.waitingGroups, [], sku.skuPartNumber);
    }
    const e3 = figures.find((sku) => sku.skuId === SKU.m365E3);
    assert.deepEqual([e3?.purchased, e3?.assigned, e3?.available, e3?.overAssigned], [100, 102, -2, 2]);
  });

  it('does not report waiting users read before the problem: the problem wins over any stray assignment', () => {
    const waiting = [makeWaiting('u1', SKU.m365E3, 'g-sales', 'Sales')];
    const figures = computeSkuFigures(makeSnapshot({ skus: skus(), waiting, problems: [MISSING_MEMBERS] }));

    assert.ok(figures.every((sku) => sku.waiting === null && sku.shortfall === null));
  });

  it('keeps the figures numeric when the snapshot has no problem (the control)', () => {
    const waiting = [makeWaiting('u1', SKU.m365E3, 'g-sales', 'Sales')];
    const e3 = computeSkuFigures(makeSnapshot({ skus: skus(), waiting })).find((sku) => sku.skuId === SKU.m365E3);

    assert.deepEqual([e3?.waiting, e3?.shortfall, e3?.blocked], [1, 3, 0]);
    assert.deepEqual(e3?.otherErrors, []);
  });

  it('still lists over-assigned SKUs as shortfalls and sorts unknown shortfalls by headroom', () => {
    const figures = computeSkuFigures(makeSnapshot({ skus: skus(), problems: [MISSING_MEMBERS] }));

    assert.deepEqual(
      findShortfalls(figures).map((sku) => sku.skuId),
      [SKU.m365E3],
    );
    assert.deepEqual(
      sortTightestFirst(figures).map((sku) => sku.skuId),
      [SKU.m365E3, SKU.visioPlan2],
    );
  });
});
