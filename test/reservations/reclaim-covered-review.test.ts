import assert from 'node:assert/strict';
import type { ReclaimableSeats } from '../../src/licenses/reclaimable-seats';
import type { SkuFigures } from '../../src/licenses/sku-figures';
import { planSuggestionReview } from '../../src/reservations/plan-suggestion-review';
import { proposeReservation, type ReservationProposal } from '../../src/reservations/propose-reservation';
import type { Suggestion, SuggestionStatus } from '../../src/reservations/suggestion';
import { makeSkuFigures } from '../cards/support/sku-figures-factory';

const NOW = new Date('2026-11-30T12:00:00Z');

function seats(disabled: number): ReclaimableSeats {
  return { asOf: '2026-11-30T09:00:00Z', inactiveDays: 90, inactiveUnknown: null, disabled, inactive: 0 };
}

function e3(reclaimable: ReclaimableSeats | null): SkuFigures {
  return makeSkuFigures({
    skuId: 'e3',
    displayName: 'Microsoft 365 E3',
    purchased: 500,
    assigned: 500,
    waitingGroups: [{ groupId: 'g1', displayName: 'Contractors', waiting: 5 }],
    reclaimable,
  });
}

function proposals(figures: SkuFigures): ReservationProposal[] {
  const proposal = proposeReservation({ figures, thresholdSeats: 25, forecast: null, leadDays: 30 });
  return proposal === null ? [] : [proposal];
}

function stored(status: SuggestionStatus, from: ReservationProposal): Suggestion {
  return {
    id: `s-${status}`, skuId: from.skuId, skuPartNumber: from.skuPartNumber, displayName: from.displayName, quantity: from.quantity,
    reasoning: from.reasoning, status, createdAt: '2026-11-29T00:00:00.000Z', updatedAt: '2026-11-29T00:00:00.000Z', decidedBy: null,
    decidedByName: null, decidedAt: null, snoozedUntil: null, purchasedAtApproval: status === 'approved' ? 500 : null, cardActivities: {}, version: 1,
  };
}

describe('suggestion review once a reclaim scan is known', () => {
  const beforeScan = proposals(e3(null))[0];

  it('creates no purchase suggestion for a SKU whose need disabled seats cover', () => {
    assert.deepEqual(planSuggestionReview({ now: NOW, figures: [e3(seats(40))], proposals: proposals(e3(seats(40))), suggestions: [] }), []);
  });

  it('expires an undecided purchase suggestion once disabled seats cover its need (reclaim, not buy)', () => {
    assert.ok(beforeScan);
    const steps = planSuggestionReview({ now: NOW, figures: [e3(seats(40))], proposals: proposals(e3(seats(40))), suggestions: [stored('proposed', beforeScan)] });

    assert.deepEqual(steps.map((step) => (step.kind === 'close' ? step.to : step.kind)), ['expired']);
  });

  it('updates an undecided purchase suggestion in place to what disabled seats leave to buy', () => {
    assert.ok(beforeScan);
    const steps = planSuggestionReview({ now: NOW, figures: [e3(seats(7))], proposals: proposals(e3(seats(7))), suggestions: [stored('proposed', beforeScan)] });

    assert.equal(steps.length, 1);
    assert.ok(steps[0]?.kind === 'update');
    assert.equal(steps[0].proposal.quantity, 5 + 25 - 7);
  });

  it('leaves an approved purchase as it is', () => {
    assert.ok(beforeScan);
    assert.deepEqual(planSuggestionReview({ now: NOW, figures: [e3(seats(40))], proposals: proposals(e3(seats(40))), suggestions: [stored('approved', beforeScan)] }), []);
  });
});
