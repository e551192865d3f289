import assert from 'node:assert/strict';
import { buildAlertsStatusCard, summarizeAlertsStatus, type AlertsStatusInput } from '../../src/cards/alerts-status-card';
import { renderCard } from '../../src/cards/render-card';
import { checkAdaptiveCard } from './support/check-adaptive-card';
import { findTexts } from './support/find-texts';

function input(overrides: Partial<AlertsStatusInput> = {}): AlertsStatusInput {
  return {
    defaultThreshold: { kind: 'percent', value: 5 },
    places: [],
    thresholds: [],
    muted: [],
    alerts: [],
    ...overrides,
  };
}

describe('buildAlertsStatusCard', () => {
  it('says that nothing is watched, set, muted or alerting when that is so', () => {
    const texts = findTexts(renderCard('alerts-status', buildAlertsStatusCard(input()))).map((text) => text.text);

    assert.ok(texts.some((text) => /No chat is watched yet/.test(text)));
    assert.ok(texts.some((text) => /every product uses the default threshold/.test(text)));
    assert.ok(texts.some((text) => /every watched product is fine/.test(text)));
  });

  it('colours each active alert by how bad its condition is', () => {
    const card = renderCard(
      'alerts-status',
      buildAlertsStatusCard(input({ alerts: [{ productName: 'Power BI Pro', condition: 'exhausted', since: '2025-05-01T09:00:00.000Z' }] })),
    );

    const alert = findTexts(card).find((text) => text.text.startsWith('ran out of seats'));
    assert.deepEqual(alert, { type: 'TextRun', text: 'ran out of seats since 2025-05-01', color: 'attention' });
    assert.deepEqual(checkAdaptiveCard(card), []);
  });

  it('lists at most 15 places and says how many more there are', () => {
    const places = Array.from({ length: 18 }, (_, index) => ({
      name: `Channel ${index}`,
      kind: 'channel' as const,
      conversationId: `19:c${index}@thread.tacv2`,
      active: true,
      inactiveReason: null,
      isHere: false,
    }));

    const card = buildAlertsStatusCard(input({ places }));

    assert.equal(card.places.length, 15);
    assert.equal(card.morePlaces, 'and 3 more places');
  });

  it('shows a condition it does not know by its name', () => {
    const card = buildAlertsStatusCard(input({ alerts: [{ productName: 'E3', condition: 'renewal-due', since: '2025-05-01T09:00:00.000Z' }] }));

    assert.equal(card.alerts[0]?.detail.text, 'renewal-due since 2025-05-01');
  });
});

describe('summarizeAlertsStatus', () => {
  it('counts active places, thresholds, mutes and alerts', () => {
    const summary = summarizeAlertsStatus(
      input({
        defaultThreshold: { kind: 'absolute', value: 10 },
        places: [
          { name: null, kind: 'channel', conversationId: 'a', active: true, inactiveReason: null, isHere: false },
          { name: null, kind: 'groupChat', conversationId: 'b', active: false, inactiveReason: 'removed', isHere: false },
        ],
        thresholds: [{ productName: 'E3', description: '20 seats' }],
      }),
    );

    assert.equal(summary, 'Alerts go to 1 place; default threshold 10 seats; 1 product threshold, 0 muted products, 0 active alerts.');
  });
});
