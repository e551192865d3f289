import assert from 'node:assert/strict';
import type { RunOutForecast } from '../../src/licenses/forecast';
import { proposeReservation, type ReservationNeed } from '../../src/reservations/propose-reservation';
import { describeReasoning, reasoningText } from '../../src/reservations/reservation-reasoning';
import { makeSkuFigures } from '../cards/support/sku-figures-factory';

function forecast(seatsPerDay: number, daysLeft: number): RunOutForecast {
  return { seatsPerDay, daysLeft, runOutAt: new Date(Date.UTC(2025, 4, 1) + daysLeft * 86_400_000).toISOString() };
}

function need(overrides: Partial<ReservationNeed> & { purchased: number; assigned: number; waiting?: number }): ReservationNeed {
  const groups = overrides.waiting === undefined || overrides.waiting === 0 ? [] : [{ groupId: 'g1', displayName: 'Contractors', waiting: overrides.waiting }];
  return {
    figures: makeSkuFigures({ purchased: overrides.purchased, assigned: overrides.assigned, waitingGroups: groups, displayName: 'Microsoft 365 E3' }),
    thresholdSeats: overrides.thresholdSeats ?? 10,
    forecast: overrides.forecast ?? null,
    leadDays: overrides.leadDays ?? 30,
  };
}

describe('proposeReservation', () => {
  const table: { name: string; input: ReservationNeed; quantity: number | null }[] = [
    { name: 'waiting users with no free seats, growth and the alert line', input: need({ purchased: 500, assigned: 500, waiting: 5, forecast: forecast(0.3, 100) }), quantity: 5 + 9 + 10 },
    { name: 'free seats are taken off the sum', input: need({ purchased: 500, assigned: 497, waiting: 5 }), quantity: 5 + 10 - 3 },
    { name: 'over-assigned seats are added', input: need({ purchased: 50, assigned: 52, waiting: 2 }), quantity: 2 + 2 + 10 },
    { name: 'below the alert line without waiting users', input: need({ purchased: 100, assigned: 96 }), quantity: 10 - 4 },
    { name: 'a forecast run-out within the lead time', input: need({ purchased: 100, assigned: 60, forecast: forecast(2, 20) }), quantity: 60 + 10 - 40 },
    { name: 'growth over the lead time is rounded up', input: need({ purchased: 100, assigned: 100, forecast: forecast(0.01, 0), leadDays: 30 }), quantity: 1 + 10 },
    { name: 'no suggestion when nothing is short or low', input: need({ purchased: 100, assigned: 50 }), quantity: null },
    { name: 'no suggestion when the run-out is beyond the lead time', input: need({ purchased: 100, assigned: 50, forecast: forecast(1, 50) }), quantity: null },
    { name: 'no suggestion when the alert line is met exactly and nothing else holds', input: need({ purchased: 100, assigned: 90 }), quantity: null },
  ];
  for (const row of table) {
    it(`works out ${row.quantity ?? 'nothing'} for ${row.name}`, () => {
      const proposal = proposeReservation(row.input);

      assert.equal(proposal?.quantity ?? null, row.quantity);
      if (proposal !== null) {
        assert.equal(proposal.reasoning.total, row.quantity);
        assert.equal(proposal.reasoning.terms.reduce((sum, term) => sum + term.seats, 0), row.quantity);
      }
    });
  }

  it('explains the quantity line by line, as the issue shows it', () => {
    const proposal = proposeReservation({
      ...need({ purchased: 500, assigned: 500, forecast: forecast(0.3, 100) }),
      figures: makeSkuFigures({
        purchased: 500,
        assigned: 500,
        waitingGroups: [
          { groupId: 'g1', displayName: 'Contractors', waiting: 3 },
          { groupId: 'g2', displayName: 'Temp Staff', waiting: 2 },
        ],
      }),
    });

    assert.ok(proposal);
    assert.equal(reasoningText(proposal.reasoning), '5 users waiting in Contractors and Temp Staff + 9 expected in 30 days + 10 to keep above the alert line = 24');
    assert.deepEqual(describeReasoning(proposal.reasoning), [
      '5 users waiting in Contractors and Temp Staff',
      '+ 9 expected in 30 days',
      '+ 10 to keep above the alert line',
      '= 24',
    ]);
  });

  it('names which conditions held', () => {
    const proposal = proposeReservation(need({ purchased: 500, assigned: 497, waiting: 5, forecast: forecast(1, 3) }));

    assert.deepEqual(proposal?.reasoning.triggers, ['shortfall', 'below-threshold', 'runs-out-soon']);
  });

  it('suggests nothing for a hidden SKU however short it is', () => {
    const input = need({ purchased: 10, assigned: 10, waiting: 4 });

    assert.equal(proposeReservation({ ...input, figures: { ...input.figures, hidden: true, hiddenReason: 'muted' } }), null);
  });

  it('suggests nothing when waiting is unknown (a missing Graph permission), even below the threshold', () => {
    const input = need({ purchased: 500, assigned: 497, forecast: forecast(1, 3) });
    assert.notEqual(proposeReservation(input), null);

    const unknown = { ...input, figures: { ...input.figures, waiting: null, shortfall: null, blocked: null, otherErrors: null } };

    assert.equal(proposeReservation(unknown), null);
  });
});
