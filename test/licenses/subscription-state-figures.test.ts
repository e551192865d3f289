import assert from 'node:assert/strict';
import { computeSkuFigures, findShortfalls } from '../../src/licenses/availability';
import type { LicenseSnapshot, SubscribedSku } from '../../src/licenses/license-snapshot';
import type { SkuFigures } from '../../src/licenses/sku-figures';
import { SKU, makeSku, makeSnapshot, makeSubscription } from './license-factories';

function sku(status: string, enabled: number, warning: number, consumed: number, extra: Partial<SubscribedSku['prepaidUnits']> = {}): SubscribedSku {
  return makeSku(SKU.m365E5, { capabilityStatus: status, consumedUnits: consumed, prepaidUnits: { enabled, warning, suspended: 0, lockedOut: 0, ...extra } });
}

function figuresOf(snapshot: LicenseSnapshot): SkuFigures {
  const [figures] = computeSkuFigures(snapshot);
  assert.ok(figures);
  return figures;
}

describe('computeSkuFigures: subscription states', () => {
  const cases: { name: string; status: string; enabled: number; warning: number; consumed: number; overAssigned: number; onExpiringSeats: number }[] = [
    { name: 'nobody beyond the active seats', status: 'Enabled', enabled: 20, warning: 10, consumed: 18, overAssigned: 0, onExpiringSeats: 0 },
    { name: 'exactly every active seat used', status: 'Enabled', enabled: 20, warning: 10, consumed: 20, overAssigned: 0, onExpiringSeats: 0 },
    { name: 'some users on grace-period seats', status: 'Enabled', enabled: 20, warning: 10, consumed: 26, overAssigned: 0, onExpiringSeats: 6 },
    { name: 'every grace-period seat used, none beyond', status: 'Warning', enabled: 20, warning: 10, consumed: 30, overAssigned: 0, onExpiringSeats: 10 },
    { name: 'users beyond every usable seat', status: 'Warning', enabled: 20, warning: 10, consumed: 33, overAssigned: 3, onExpiringSeats: 10 },
    { name: 'over-assigned without a grace period', status: 'Enabled', enabled: 50, warning: 0, consumed: 52, overAssigned: 2, onExpiringSeats: 0 },
  ];
  for (const c of cases) {
    it(`works out overAssigned and onExpiringSeats: ${c.name}`, () => {
      const figures = figuresOf(makeSnapshot({ skus: [sku(c.status, c.enabled, c.warning, c.consumed)] }));
      assert.deepEqual(
        [figures.available, figures.overAssigned, figures.onExpiringSeats, figures.lostService],
        [c.enabled - c.consumed, c.overAssigned, c.onExpiringSeats, 0],
      );
    });
  }

  for (const status of ['Suspended', 'LockedOut', 'Deleted', 'suspended']) {
    it(`reads a ${status} SKU's assigned users as having lost service, not as over-assigned`, () => {
      const figures = figuresOf(makeSnapshot({ skus: [sku(status, 0, 0, 14, { suspended: 25 })] }));
      assert.deepEqual([figures.status, figures.overAssigned, figures.lostService, figures.suspended], [status, 0, 14, 25]);
    });
  }

  it('says nobody lost service on a suspended SKU nobody holds', () => {
    const figures = figuresOf(makeSnapshot({ skus: [sku('Suspended', 0, 0, 0, { suspended: 25 })] }));
    assert.deepEqual([figures.lostService, figures.overAssigned], [0, 0]);
  });

  it('takes the grace period end from the earliest subscription in Warning', () => {
    const subscriptions = [
      makeSubscription(SKU.m365E5, { id: 'a', status: 'Enabled', nextLifecycleDateTime: '2026-01-05T00:00:00Z' }),
      makeSubscription(SKU.m365E5, { id: 'b', status: 'Warning', nextLifecycleDateTime: '2026-02-10T00:00:00Z' }),
      makeSubscription(SKU.m365E5, { id: 'c', status: 'Warning', nextLifecycleDateTime: '2026-01-20T00:00:00Z' }),
    ];
    const figures = figuresOf(makeSnapshot({ skus: [sku('Enabled', 20, 10, 26)], subscriptions }));
    assert.equal(figures.gracePeriodEndsAt, '2026-01-20T00:00:00.000Z');
  });

  it('leaves the grace period end unknown when no subscription in Warning gives a date', () => {
    const subscriptions = [makeSubscription(SKU.m365E5, { status: 'Warning', nextLifecycleDateTime: null })];
    assert.equal(figuresOf(makeSnapshot({ skus: [sku('Enabled', 20, 10, 26)], subscriptions })).gracePeriodEndsAt, null);
  });

  it('lists a SKU with users on expiring seats or without service among the shortfalls, and not one merely full', () => {
    const snapshot = makeSnapshot({
      skus: [
        makeSku(SKU.m365E3, { consumedUnits: 26, prepaidUnits: { enabled: 20, warning: 10, suspended: 0, lockedOut: 0 } }),
        makeSku(SKU.m365E5, { capabilityStatus: 'Suspended', consumedUnits: 14, prepaidUnits: { enabled: 0, warning: 0, suspended: 25, lockedOut: 0 } }),
        makeSku(SKU.o365E3, { consumedUnits: 10, prepaidUnits: { enabled: 10, warning: 0, suspended: 0, lockedOut: 0 } }),
      ],
    });
    const names = findShortfalls(computeSkuFigures(snapshot)).map((figures) => figures.skuPartNumber).sort();
    assert.deepEqual(names, ['SPE_E3', 'SPE_E5']);
  });
});
