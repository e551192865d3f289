import assert from 'node:assert/strict';
import { computeSkuFigures } from '../../src/licenses/availability';
import type { ErrorGroupLicenses, GroupHolding, LicenseErrorAssignment, LicenseSnapshot } from '../../src/licenses/license-snapshot';
import type { SkuFigures } from '../../src/licenses/sku-figures';
import { SKU, makeSku, makeSnapshot, makeWaiting } from './license-factories';

/** Microsoft 365 E3 with no free seat, EMS E3 with plenty, Visio with plenty. */
function skus(e3Free = 0): LicenseSnapshot['skus'] {
  return [
    makeSku(SKU.m365E3, { consumedUnits: 100 - e3Free, prepaidUnits: { enabled: 100, warning: 0, suspended: 0, lockedOut: 0 } }),
    makeSku(SKU.emsE3, { consumedUnits: 10, prepaidUnits: { enabled: 100, warning: 0, suspended: 0, lockedOut: 0 } }),
    makeSku(SKU.visioPlan2, { consumedUnits: 1, prepaidUnits: { enabled: 50, warning: 0, suspended: 0, lockedOut: 0 } }),
  ];
}

const BUNDLE: ErrorGroupLicenses = { groupId: 'g-bundle', displayName: 'Sales Bundle', skuIds: [SKU.m365E3, SKU.emsE3] };
const OTHER_BUNDLE: ErrorGroupLicenses = { groupId: 'g-field', displayName: 'Field Bundle', skuIds: [SKU.m365E3, SKU.emsE3] };

function error(userId: string, skuId: string, groupId: string | null, code: string, groupDisplayName: string | null = groupId): LicenseErrorAssignment {
  return { userId, skuId, groupId, groupDisplayName, error: code };
}

function bySku(snapshot: LicenseSnapshot): Map<string, SkuFigures> {
  return new Map(computeSkuFigures(snapshot).map((figures) => [figures.skuId, figures]));
}

function get(figures: Map<string, SkuFigures>, skuId: string): SkuFigures {
  const found = figures.get(skuId);
  assert.ok(found, skuId);
  return found;
}

describe('computeSkuFigures: products blocked by another product of the group', () => {
  it('counts a user blocked, not waiting, when Graph records a CountViolation on the other product too', () => {
    const waiting = ['u1', 'u2'].flatMap((user) => [makeWaiting(user, SKU.m365E3, 'g-bundle', 'Sales Bundle'), makeWaiting(user, SKU.emsE3, 'g-bundle', 'Sales Bundle')]);
    const figures = bySku(makeSnapshot({ skus: skus(), waiting, errorGroups: [BUNDLE] }));
    const e3 = get(figures, SKU.m365E3);
    const ems = get(figures, SKU.emsE3);
    assert.deepEqual([e3.waiting, e3.blocked], [2, 0]);
    assert.deepEqual([ems.waiting, ems.shortfall, ems.blocked], [0, 0, 2]);
    assert.deepEqual(ems.blockedBy, [
      { skuId: SKU.m365E3, displayName: 'Microsoft 365 E3', users: 2, groups: [{ groupId: 'g-bundle', displayName: 'Sales Bundle', users: 2 }] },
    ]);
  });

  it('counts a user blocked when Graph records no error on the other product, from the group\'s assignedLicenses', () => {
    const waiting = [makeWaiting('u1', SKU.m365E3, 'g-bundle', 'Sales Bundle')];
    const figures = bySku(makeSnapshot({ skus: skus(), waiting, errorGroups: [BUNDLE] }));
    assert.deepEqual([get(figures, SKU.m365E3).waiting, get(figures, SKU.emsE3).blocked, get(figures, SKU.emsE3).waiting], [1, 1, 0]);
  });

  it('counts a user blocked whatever code Graph records on the other product, and not as another error', () => {
    const waiting = [makeWaiting('u1', SKU.m365E3, 'g-bundle', 'Sales Bundle')];
    const licenseErrors = [error('u1', SKU.emsE3, 'g-bundle', 'Other', 'Sales Bundle')];
    const ems = get(bySku(makeSnapshot({ skus: skus(), waiting, licenseErrors, errorGroups: [BUNDLE] })), SKU.emsE3);
    assert.deepEqual([ems.blocked, ems.otherErrors], [1, []]);
  });

  it('keeps CountViolation as waiting when none of the user\'s products in the group lacks seats', () => {
    const waiting = [makeWaiting('u1', SKU.m365E3, 'g-bundle', 'Sales Bundle'), makeWaiting('u1', SKU.emsE3, 'g-bundle', 'Sales Bundle')];
    const figures = bySku(makeSnapshot({ skus: skus(5), waiting, errorGroups: [BUNDLE] }));
    assert.deepEqual([get(figures, SKU.m365E3).waiting, get(figures, SKU.emsE3).waiting, get(figures, SKU.emsE3).blocked], [1, 1, 0]);
  });

  it('treats a product exactly at zero free seats as the cause', () => {
    const waiting = [makeWaiting('u1', SKU.m365E3, 'g-bundle', 'Sales Bundle'), makeWaiting('u1', SKU.emsE3, 'g-bundle', 'Sales Bundle')];
    const figures = bySku(makeSnapshot({ skus: skus(0), waiting, errorGroups: [BUNDLE] }));
    assert.equal(get(figures, SKU.m365E3).available, 0);
    assert.deepEqual([get(figures, SKU.emsE3).waiting, get(figures, SKU.emsE3).blocked], [0, 1]);
  });

  it('makes the user wait for every product of the group that has no free seat', () => {
    const tight = skus().map((sku) => (sku.skuId === SKU.emsE3 ? { ...sku, consumedUnits: 100 } : sku));
    const waiting = [makeWaiting('u1', SKU.m365E3, 'g-bundle', 'Sales Bundle'), makeWaiting('u1', SKU.emsE3, 'g-bundle', 'Sales Bundle')];
    const figures = bySku(makeSnapshot({ skus: tight, waiting, errorGroups: [BUNDLE] }));
    assert.deepEqual([get(figures, SKU.m365E3).waiting, get(figures, SKU.emsE3).waiting, get(figures, SKU.emsE3).blocked], [1, 1, 0]);
  });

  it('counts a user blocked through two groups once', () => {
    const waiting = ['g-bundle', 'g-field'].flatMap((group) => [makeWaiting('u1', SKU.m365E3, group), makeWaiting('u1', SKU.emsE3, group)]);
    const figures = bySku(makeSnapshot({ skus: skus(), waiting, errorGroups: [BUNDLE, OTHER_BUNDLE] }));
    const ems = get(figures, SKU.emsE3);
    assert.deepEqual([get(figures, SKU.m365E3).waiting, ems.blocked, ems.blockedBy[0]?.users, ems.blockedBy[0]?.groups.length], [1, 1, 1, 2]);
  });

  it('counts a user as waiting, not blocked, who also waits for the product through another group', () => {
    const waiting = [
      makeWaiting('u1', SKU.m365E3, 'g-bundle'),
      makeWaiting('u1', SKU.emsE3, 'g-bundle'),
      makeWaiting('u1', SKU.emsE3, 'g-ems-only'),
    ];
    const groups = [BUNDLE, { groupId: 'g-ems-only', displayName: 'EMS only', skuIds: [SKU.emsE3] }];
    const ems = get(bySku(makeSnapshot({ skus: skus(), waiting, errorGroups: groups })), SKU.emsE3);
    assert.deepEqual([ems.waiting, ems.blocked, ems.blockedBy], [1, 0, []]);
  });

  it('does not count a user blocked on a product the user holds anyway', () => {
    const waiting = [makeWaiting('u1', SKU.m365E3, 'g-bundle')];
    const holdings: GroupHolding[] = [{ userId: 'u1', skuId: SKU.emsE3, groupId: null }];
    const ems = get(bySku(makeSnapshot({ skus: skus(), waiting, holdings, errorGroups: [BUNDLE] })), SKU.emsE3);
    assert.equal(ems.blocked, 0);
  });
});

describe('computeSkuFigures: other licensing errors', () => {
  it('counts distinct users per error code and per group, outside waiting and shortfall', () => {
    const licenseErrors = [
      error('u1', SKU.visioPlan2, 'g-emea', 'ProhibitedInUsageLocationViolation', 'EMEA'),
      error('u1', SKU.visioPlan2, 'g-all', 'ProhibitedInUsageLocationViolation', 'All staff'),
      error('u2', SKU.visioPlan2, 'g-all', 'ProhibitedInUsageLocationViolation', 'All staff'),
      error('u3', SKU.visioPlan2, null, 'MutuallyExclusiveViolation', null),
    ];
    const visio = get(bySku(makeSnapshot({ skus: skus(), licenseErrors })), SKU.visioPlan2);
    assert.deepEqual([visio.waiting, visio.shortfall], [0, 0]);
    assert.deepEqual(visio.otherErrors, [
      {
        error: 'ProhibitedInUsageLocationViolation',
        users: 2,
        groups: [
          { groupId: 'g-all', displayName: 'All staff', users: 2 },
          { groupId: 'g-emea', displayName: 'EMEA', users: 1 },
        ],
      },
      { error: 'MutuallyExclusiveViolation', users: 1, groups: [{ groupId: null, displayName: 'Direct assignment', users: 1 }] },
    ]);
  });

  it('has no other errors when Graph reports none', () => {
    assert.deepEqual(get(bySku(makeSnapshot({ skus: skus() })), SKU.visioPlan2).otherErrors, []);
  });
});
