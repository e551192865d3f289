import assert from 'node:assert/strict';
import { buildReservationsListCard } from '../../src/reservations/reservations-list';
import { renderCard } from '../../src/cards/render-card';
import type { Suggestion, SuggestionStatus } from '../../src/reservations/suggestion';
import { checkAdaptiveCard } from '../cards/support/check-adaptive-card';
import { findTexts } from '../cards/support/find-texts';

function suggestion(status: SuggestionStatus, displayName: string): Suggestion {
  const decided = status === 'proposed' ? null : '2025-05-01T10:42:00.000Z';
  return {
    id: `s-${displayName}`,
    skuId: `sku-${displayName}`,
    skuPartNumber: displayName.toUpperCase(),
    displayName,
    quantity: 7,
    reasoning: { triggers: ['shortfall'], terms: [{ seats: 7, label: '7 users waiting' }], total: 7 },
    status,
    createdAt: '2025-05-01T09:00:00.000Z',
    updatedAt: '2025-05-01T09:00:00.000Z',
    decidedBy: decided === null ? null : 'user-1',
    decidedByName: decided === null ? null : 'Megan Bowen',
    decidedAt: decided,
    snoozedUntil: null,
    purchasedAtApproval: null,
    cardActivities: {},
    version: 1,
  };
}

describe('buildReservationsListCard', () => {
  it('puts proposed and approved suggestions under Open and the rest under Recent, with the reasoning or decision', () => {
    const data = buildReservationsListCard(
      [suggestion('proposed', 'E3'), suggestion('approved', 'Visio'), suggestion('declined', 'Project')],
      { enabled: true },
    );

    assert.deepEqual(data.open.map((row) => row.productName), ['E3', 'Visio']);
    assert.deepEqual(data.recent.map((row) => row.productName), ['Project']);
    assert.equal(data.open[0].detail, '7 users waiting = 7');
    assert.equal(data.recent[0].detail, 'Declined by Megan Bowen at 10:42 UTC on 1 May 2025.');
    assert.deepEqual(checkAdaptiveCard(renderCard('reservations-list', data)), []);
  });

  it('says when suggestions are turned off and nothing is open', () => {
    const card = renderCard('reservations-list', buildReservationsListCard([], { enabled: false }));

    const texts = findTexts(card).map((text) => text.text);
    assert.ok(texts.some((text) => text.includes('RESERVATION_SUGGESTIONS=off')));
    assert.ok(texts.some((text) => text.startsWith('No open suggestion')));
    assert.deepEqual(checkAdaptiveCard(card), []);
  });
});
