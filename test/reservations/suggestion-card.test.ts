import assert from 'node:assert/strict';
import { ADMIN_CENTER_LICENSES_URL, buildReservationSuggestionCard, summarizeReservationSuggestion } from '../../src/reservations/suggestion-card';
import { renderCard } from '../../src/cards/render-card';
import { RESERVATION_VERBS } from '../../src/reservations/card-verbs';
import type { Suggestion } from '../../src/reservations/suggestion';
import { checkAdaptiveCard } from '../cards/support/check-adaptive-card';
import { findTexts } from '../cards/support/find-texts';
import { collectNodes, type CardNode } from '../cards/support/collect-nodes';

function suggestion(overrides: Partial<Suggestion> = {}): Suggestion {
  return {
    id: '6f1c2a4e-0b7d-4c55-9a61-2f0e8d3b9c10',
    skuId: '05e9a617-0261-4cee-bb44-138d3ef5d965',
    skuPartNumber: 'SPE_E3',
    displayName: 'Microsoft 365 E3',
    quantity: 21,
    reasoning: {
      triggers: ['shortfall'],
      terms: [
        { seats: 5, label: '5 users waiting in *Contractors* ${tenantName}' },
        { seats: 9, label: '9 expected in 30 days' },
        { seats: 10, label: '10 to keep above the alert line' },
        { seats: -3, label: '3 seats still free' },
      ],
      total: 21,
    },
    status: 'proposed',
    createdAt: '2025-05-01T09:00:00.000Z',
    updatedAt: '2025-05-01T09:00:00.000Z',
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

const OPTIONS = { refreshUserIds: ['approver-1', 'approver-2'], snoozeDays: 7 };


describe('buildReservationSuggestionCard', () => {
  it('offers approve, decline and snooze as Action.Execute with the suggestion id, each with an Action.Submit fallback', () => {
    const card = renderCard('reservation-suggestion', buildReservationSuggestionCard(suggestion(), OPTIONS));

    const executes = collectNodes(card.body, (node) => node.type === 'Action.Execute');
    assert.deepEqual(executes.map((action) => action.verb), [RESERVATION_VERBS.approve, RESERVATION_VERBS.decline, RESERVATION_VERBS.snooze]);
    for (const action of executes) {
      assert.deepEqual(action.data, { suggestionId: suggestion().id });
      const fallback = action.fallback as CardNode;
      assert.equal(fallback.type, 'Action.Submit');
      assert.deepEqual(fallback.data, { verb: action.verb, suggestionId: suggestion().id });
    }
    assert.deepEqual(checkAdaptiveCard(card), []);
  });

  it('lets the approver change the quantity in an Input.Number that starts at the suggested one', () => {
    const card = renderCard('reservation-suggestion', buildReservationSuggestionCard(suggestion(), OPTIONS));

    const [input] = collectNodes(card.body, (node) => node.type === 'Input.Number');
    assert.equal(input.id, 'quantity');
    assert.equal(input.value, 21);
    assert.equal(input.min, 1);
    assert.equal(input.max, 100_000);
  });

  it('refreshes automatically for at most 60 approvers through the refresh verb', () => {
    const many = Array.from({ length: 75 }, (_, index) => `approver-${index}`);

    const card = renderCard('reservation-suggestion', buildReservationSuggestionCard(suggestion(), { ...OPTIONS, refreshUserIds: many }));

    const refresh = card.refresh as { action: CardNode; userIds: string[] };
    assert.equal(refresh.action.verb, RESERVATION_VERBS.refresh);
    assert.deepEqual(refresh.action.data, { suggestionId: suggestion().id });
    assert.equal(refresh.userIds.length, 60);
    assert.deepEqual(checkAdaptiveCard(card), []);
  });

  it('shows the reasoning line by line, tenant strings literal in TextRuns', () => {
    const card = renderCard('reservation-suggestion', buildReservationSuggestionCard(suggestion(), OPTIONS));

    const texts = findTexts(card);
    const first = texts.findIndex((text) => text.text === '5 users waiting in *Contractors* ${tenantName}');
    assert.equal(texts[first].type, 'TextRun');
    assert.deepEqual(texts.slice(first, first + 5).map((text) => text.text), [
      '5 users waiting in *Contractors* ${tenantName}',
      '+ 9 expected in 30 days',
      '+ 10 to keep above the alert line',
      '- 3 seats still free',
      '= 21',
    ]);
  });

  it('shows who approved what and when, the steps and the admin center link, and no buttons, once approved', () => {
    const approved = suggestion({
      status: 'approved',
      quantity: 15,
      decidedBy: 'user-1',
      decidedByName: 'Megan Bowen',
      decidedAt: '2025-05-01T10:42:00.000Z',
      purchasedAtApproval: 500,
    });

    const card = renderCard('reservation-suggestion', buildReservationSuggestionCard(approved, OPTIONS));

    const texts = findTexts(card).map((text) => text.text);
    assert.ok(texts.includes('Approved by Megan Bowen at 10:42 UTC on 1 May 2025, 15 seats.'), texts.join('\n'));
    assert.ok(texts.some((text) => text.includes('reach 515')));
    assert.ok(texts.some((text) => /reseller or CSP partner/.test(text)));
    assert.deepEqual(collectNodes(card.body, (node) => node.type === 'Action.OpenUrl').map((action) => action.url), [ADMIN_CENTER_LICENSES_URL]);
    assert.deepEqual(collectNodes(card.body, (node) => node.type === 'Action.Execute' || node.type === 'Input.Number'), []);
    assert.deepEqual(checkAdaptiveCard(card), []);
  });

  it('puts a notice on top for the one who clicked after someone else decided', () => {
    const declined = suggestion({ status: 'declined', decidedBy: 'u', decidedByName: 'Alex Wilber', decidedAt: '2025-05-01T08:15:00.000Z' });

    const card = renderCard(
      'reservation-suggestion',
      buildReservationSuggestionCard(declined, { ...OPTIONS, notice: { text: 'Already declined by Alex Wilber.', color: 'warning' } }),
    );

    const texts = findTexts(card).map((text) => text.text);
    assert.ok(texts.includes('Already declined by Alex Wilber.'));
    assert.ok(texts.includes('Declined by Alex Wilber at 08:15 UTC on 1 May 2025.'));
    assert.deepEqual(checkAdaptiveCard(card), []);
  });

  it('renders a sound card with no approvers to refresh for', () => {
    const card = renderCard('reservation-suggestion', buildReservationSuggestionCard(suggestion(), { ...OPTIONS, refreshUserIds: [] }));

    assert.deepEqual(checkAdaptiveCard(card), []);
  });

  it('summarises the suggestion in one line', () => {
    assert.equal(summarizeReservationSuggestion(suggestion()), 'Reservation suggestion: 21 seats of Microsoft 365 E3, waiting for an approver.');
  });
});
