import assert from 'node:assert/strict';
import type { ReclaimableSeats } from '../../src/licenses/reclaimable-seats';
import type { SkuFigures } from '../../src/licenses/sku-figures';
import { proposeReservation, proposeSeats, type ReservationNeed } from '../../src/reservations/propose-reservation';
import { describeReasoning, readReasoning, reasoningText } from '../../src/reservations/reservation-reasoning';
import { makeSkuFigures } from '../cards/support/sku-figures-factory';

function reclaimable(disabled: number, inactive: number | null): ReclaimableSeats {
  return {
    asOf: '2026-11-30T09:00:00Z',
    inactiveDays: 90,
    inactiveUnknown: inactive === null ? { reason: 'permission', detail: 'AuditLog.Read.All is not granted.' } : null,
    disabled,
    inactive,
  };
}

/** E3 with 500 bought, `assigned` of them in use, `waiting` users in Contractors, alert line 25 seats. */
function need(assigned: number, waiting: number, seats: ReclaimableSeats | null, overrides: Partial<SkuFigures> = {}): ReservationNeed {
  return {
    figures: makeSkuFigures({
      displayName: 'Microsoft 365 E3',
      purchased: 500,
      assigned,
      waitingGroups: waiting === 0 ? [] : [{ groupId: 'g1', displayName: 'Contractors', waiting }],
      reclaimable: seats,
      ...overrides,
    }),
    thresholdSeats: 25,
    forecast: null,
    leadDays: 30,
  };
}

describe('proposeSeats with seats on disabled and inactive accounts', () => {
  it('subtracts disabled seats as a term and names inactive ones in a note that is not subtracted, as the issue shows it', () => {
    const proposal = proposeSeats(need(497, 5, reclaimable(7, 12)));

    assert.equal(proposal?.kind, 'purchase');
    assert.ok(proposal?.kind === 'purchase');
    assert.equal(proposal.proposal.quantity, 20);
    assert.equal(
      reasoningText(proposal.proposal.reasoning),
      '5 users waiting in Contractors + 25 to keep above the alert line - 3 seats still free - 7 on disabled accounts = 20 (12 more on accounts inactive for 90+ days: check those first)',
    );
    assert.deepEqual(describeReasoning(proposal.proposal.reasoning).slice(-2), ['= 20', '12 more on accounts inactive for 90+ days: check those first']);
  });

  it('proposes reclaiming, not buying, when disabled seats cover the whole need', () => {
    // 5 waiting + 25 for the alert line - 0 free = 30 needed; 40 seats on disabled accounts.
    const input = need(500, 5, reclaimable(40, 0));
    const proposal = proposeSeats(input);

    assert.ok(proposal?.kind === 'reclaim');
    assert.equal(proposal.seats, 30);
    assert.equal(proposal.reasoning.total, 30);
    assert.equal(proposal.reasoning.terms.reduce((sum, term) => sum + term.seats, 0), 30);
    assert.deepEqual(proposal.reasoning.notes, ['40 seats on disabled accounts cover it: reclaim 30, buy none']);
    assert.equal(proposeReservation(input), null, 'no purchase suggestion is made');
  });

  it('reclaims when disabled seats equal the need exactly', () => {
    const proposal = proposeSeats(need(500, 5, reclaimable(30, null)));

    assert.ok(proposal?.kind === 'reclaim');
    assert.equal(proposal.seats, 30);
  });

  it('buys the one seat disabled accounts cannot cover', () => {
    const proposal = proposeSeats(need(500, 5, reclaimable(29, 0)));

    assert.ok(proposal?.kind === 'purchase');
    assert.equal(proposal.proposal.quantity, 1);
  });

  it('subtracts nothing before the first scan, and says nothing about it', () => {
    const proposal = proposeReservation(need(497, 5, null));

    assert.equal(proposal?.quantity, 27);
    assert.deepEqual(proposal?.reasoning.notes, []);
  });

  it('subtracts disabled seats but adds no note when the inactive figure is unknown', () => {
    const proposal = proposeReservation(need(497, 5, reclaimable(7, null)));

    assert.equal(proposal?.quantity, 20);
    assert.deepEqual(proposal?.reasoning.notes, []);
  });

  it('never reclaims or buys for a suspended subscription, however many leavers hold it', () => {
    const input = need(500, 5, reclaimable(40, 3), { status: 'Suspended', lostService: 500, overAssigned: 0 });

    assert.equal(proposeSeats(input), null);
  });

  it('never proposes anything for a hidden SKU', () => {
    assert.equal(proposeSeats(need(500, 5, reclaimable(40, 0), { hidden: true, hiddenReason: 'muted' })), null);
  });

  it('proposes nothing when nothing is short or low, whatever the scan found', () => {
    assert.equal(proposeSeats(need(400, 0, reclaimable(40, 12))), null);
  });
});

describe('readReasoning with notes', () => {
  it('reads a reasoning stored before notes existed, with none', () => {
    const stored = JSON.parse('{"triggers":["shortfall"],"terms":[{"seats":5,"label":"5 users waiting"}],"total":5}') as unknown;

    const reasoning = readReasoning(stored, 5);

    assert.deepEqual(reasoning.notes, []);
    assert.equal(reasoningText(reasoning), '5 users waiting = 5');
  });

  it('round-trips notes through JSON and drops ones that are not text', () => {
    const stored = JSON.parse('{"triggers":[],"terms":[],"total":3,"notes":["check these", 4, null]}') as unknown;

    assert.deepEqual(readReasoning(stored, 3).notes, ['check these']);
  });
});
