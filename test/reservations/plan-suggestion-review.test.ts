import assert from 'node:assert/strict';
import type { SkuFigures } from '../../src/licenses/sku-figures';
import { DECLINE_QUIET_DAYS, planSuggestionReview, type ReviewStep } from '../../src/reservations/plan-suggestion-review';
import type { ReservationProposal } from '../../src/reservations/propose-reservation';
import type { Suggestion, SuggestionStatus } from '../../src/reservations/suggestion';
import { makeSkuFigures } from '../cards/support/sku-figures-factory';

const NOW = new Date('2025-05-10T12:00:00.000Z');
const DAY = 86_400_000;

function sku(overrides: Partial<SkuFigures> = {}): SkuFigures {
  return makeSkuFigures({ purchased: 500, assigned: 497, displayName: 'Microsoft 365 E3', ...overrides });
}

function proposal(figures: SkuFigures, quantity = 12): ReservationProposal {
  return {
    skuId: figures.skuId,
    skuPartNumber: figures.skuPartNumber,
    displayName: figures.displayName,
    quantity,
    reasoning: { triggers: ['below-threshold'], terms: [{ seats: quantity, label: `${quantity} to keep above the alert line` }], total: quantity, notes: [] },
  };
}

function suggestion(figures: SkuFigures, status: SuggestionStatus, overrides: Partial<Suggestion> = {}): Suggestion {
  const p = proposal(figures);
  return {
    id: `s-${status}`,
    skuId: figures.skuId,
    skuPartNumber: figures.skuPartNumber,
    displayName: figures.displayName,
    quantity: p.quantity,
    reasoning: p.reasoning,
    status,
    createdAt: '2025-05-01T00:00:00.000Z',
    updatedAt: '2025-05-01T00:00:00.000Z',
    decidedBy: null,
    decidedByName: null,
    decidedAt: null,
    snoozedUntil: null,
    purchasedAtApproval: null,
    cardActivities: {},
    version: 1,
    ...overrides,
  };
}

function kinds(steps: ReviewStep[]): string[] {
  return steps.map((step) => (step.kind === 'close' ? `close ${step.to}` : step.kind));
}

describe('planSuggestionReview', () => {
  it('creates a suggestion for a SKU that needs one and has none', () => {
    const e3 = sku();

    const steps = planSuggestionReview({ now: NOW, figures: [e3], proposals: [proposal(e3)], suggestions: [] });

    assert.deepEqual(kinds(steps), ['create']);
  });

  it('leaves an unchanged open suggestion alone', () => {
    const e3 = sku();

    assert.deepEqual(planSuggestionReview({ now: NOW, figures: [e3], proposals: [proposal(e3)], suggestions: [suggestion(e3, 'proposed')] }), []);
  });

  it('updates a proposed suggestion in place when the quantity changes, instead of creating another', () => {
    const e3 = sku();

    const steps = planSuggestionReview({ now: NOW, figures: [e3], proposals: [proposal(e3, 20)], suggestions: [suggestion(e3, 'proposed')] });

    assert.deepEqual(kinds(steps), ['update']);
  });

  it('expires a proposed suggestion whose need went away', () => {
    const e3 = sku();

    assert.deepEqual(kinds(planSuggestionReview({ now: NOW, figures: [e3], proposals: [], suggestions: [suggestion(e3, 'proposed')] })), ['close expired']);
  });

  it('supersedes a proposed suggestion whose SKU was muted or left the tenant', () => {
    const e3 = sku();
    const muted = { ...e3, hidden: true, hiddenReason: 'muted' as const };

    const whenMuted = planSuggestionReview({ now: NOW, figures: [muted], proposals: [], suggestions: [suggestion(e3, 'proposed')] });
    const whenGone = planSuggestionReview({ now: NOW, figures: [], proposals: [], suggestions: [suggestion(e3, 'proposed')] });

    assert.deepEqual(kinds(whenMuted), ['close superseded']);
    assert.deepEqual(kinds(whenGone), ['close superseded']);
  });

  it('does not create a second suggestion while one is approved and waiting for seats', () => {
    const e3 = sku();

    const steps = planSuggestionReview({ now: NOW, figures: [e3], proposals: [proposal(e3)], suggestions: [suggestion(e3, 'approved', { purchasedAtApproval: 500 })] });

    assert.deepEqual(steps, []);
  });

  it('fulfils an approved suggestion once purchased seats reach the approved quantity on top', () => {
    const e3Short = sku({ purchased: 511 });
    const e3Done = { ...e3Short, purchased: 512 };
    const open = suggestion(e3Short, 'approved', { purchasedAtApproval: 500, quantity: 12 });

    const notYet = planSuggestionReview({ now: NOW, figures: [e3Short], proposals: [], suggestions: [open] });
    const done = planSuggestionReview({ now: NOW, figures: [e3Done], proposals: [], suggestions: [open] });

    assert.deepEqual(notYet, []);
    assert.deepEqual(kinds(done), ['fulfil']);
  });

  it('stays quiet while the latest suggestion is snoozed, and suggests again once the snooze ends', () => {
    const e3 = sku();
    const snoozed = suggestion(e3, 'snoozed', { snoozedUntil: new Date(NOW.getTime() + DAY).toISOString() });

    const during = planSuggestionReview({ now: NOW, figures: [e3], proposals: [proposal(e3)], suggestions: [snoozed] });
    const after = planSuggestionReview({ now: new Date(NOW.getTime() + 2 * DAY), figures: [e3], proposals: [proposal(e3)], suggestions: [snoozed] });

    assert.deepEqual(during, []);
    assert.deepEqual(kinds(after), ['create']);
  });

  it(`stays quiet for ${DECLINE_QUIET_DAYS} days after a decline`, () => {
    const e3 = sku();
    const declined = suggestion(e3, 'declined', { decidedAt: NOW.toISOString() });

    const soon = planSuggestionReview({ now: new Date(NOW.getTime() + DAY), figures: [e3], proposals: [proposal(e3)], suggestions: [declined] });
    const later = planSuggestionReview({ now: new Date(NOW.getTime() + (DECLINE_QUIET_DAYS + 1) * DAY), figures: [e3], proposals: [proposal(e3)], suggestions: [declined] });

    assert.deepEqual(soon, []);
    assert.deepEqual(kinds(later), ['create']);
  });
});
