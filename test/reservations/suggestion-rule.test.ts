import assert from 'node:assert/strict';
import type { SkuFigures } from '../../src/licenses/sku-figures';
import { proposeReservation } from '../../src/reservations/propose-reservation';
import { makeSkuFigures } from '../cards/support/sku-figures-factory';

function blockedOnly(free: number): SkuFigures {
  return {
    ...makeSkuFigures({ displayName: 'EMS E5', purchased: 300, assigned: 300 - free }),
    blocked: 4,
    blockedBy: [{ skuId: 'cause', displayName: 'Power BI Pro', users: 4, groups: [{ groupId: 'g', displayName: 'Sales Bundle', users: 4 }] }],
  };
}

describe('proposeReservation: what buying would not fix', () => {
  it('suggests nothing for a SKU whose only demand is users blocked by another product', () => {
    assert.equal(proposeReservation({ figures: blockedOnly(20), thresholdSeats: 10, forecast: null, leadDays: 30 }), null);
  });

  it('never counts blocked users in the quantity when the SKU is low for other reasons', () => {
    const proposal = proposeReservation({ figures: blockedOnly(4), thresholdSeats: 10, forecast: null, leadDays: 30 });

    assert.equal(proposal?.quantity, 10 - 4);
    assert.ok(proposal?.reasoning.terms.every((term) => !/blocked|waiting/.test(term.label)));
  });

  for (const status of ['Suspended', 'LockedOut', 'Deleted']) {
    it(`suggests nothing for a ${status} subscription, even with users on it and users waiting`, () => {
      const figures: SkuFigures = {
        ...makeSkuFigures({ displayName: 'Office 365 E5', purchased: 0, assigned: 14, waitingGroups: [{ groupId: 'g', displayName: 'Sales', waiting: 3 }] }),
        status,
        overAssigned: 0,
        lostService: 14,
      };
      assert.equal(proposeReservation({ figures, thresholdSeats: 10, forecast: null, leadDays: 30 }), null);
    });
  }

  it('names users on grace-period seats apart from over-assigned ones, adding up to the seats beyond the active ones', () => {
    const figures = makeSkuFigures({ displayName: 'Microsoft Copilot', purchased: 20, assigned: 33, expiring: 10 });
    const proposal = proposeReservation({ figures, thresholdSeats: 0, forecast: null, leadDays: 30 });

    const labels = proposal?.reasoning.terms.map((term) => `${term.seats} ${term.label}`) ?? [];
    assert.ok(labels.includes('3 3 seats over-assigned'), labels.join('|'));
    assert.ok(labels.includes('10 10 users on seats in a grace period'), labels.join('|'));
    assert.equal(proposal?.quantity, 13);
  });
});
