import assert from 'node:assert/strict';
import { buildAlertDigestCard } from '../../src/alerts/alert-digest';
import type { AlertTransition } from '../../src/alerts/alert-transition';
import { describeReclaimable } from '../../src/cards/describe-reclaimable';
import { buildLicenseReportCard } from '../../src/cards/license-report-card';
import { buildProductFiguresCard } from '../../src/cards/product-figures-card';
import { renderCard } from '../../src/cards/render-card';
import { buildShortfallsCard } from '../../src/cards/shortfalls-card';
import type { ReclaimableSeats } from '../../src/licenses/reclaimable-seats';
import type { SkuFigures } from '../../src/licenses/sku-figures';
import { checkAdaptiveCard } from './support/check-adaptive-card';
import { findTexts } from './support/find-texts';
import { makeSkuFigures } from './support/sku-figures-factory';

const NOW = new Date('2026-11-30T12:00:00Z');
const THREE_HOURS_AGO = '2026-11-30T09:00:00Z';

function seats(disabled: number, inactive: number | null, overrides: Partial<ReclaimableSeats> = {}): ReclaimableSeats {
  return {
    asOf: THREE_HOURS_AGO,
    inactiveDays: 90,
    inactiveUnknown: inactive === null ? { reason: 'permission', detail: 'AuditLog.Read.All is not granted.' } : null,
    disabled,
    inactive,
    ...overrides,
  };
}

/** E3, 5 users short, with the given reclaimable seats. */
function shortE3(reclaimable: ReclaimableSeats | null): SkuFigures {
  return makeSkuFigures({
    displayName: '*E3* ${name} <b>',
    purchased: 500,
    assigned: 500,
    waitingGroups: [{ groupId: 'g1', displayName: 'Contractors', waiting: 5 }],
    reclaimable,
  });
}

describe('describeReclaimable', () => {
  const cases: { name: string; seats: ReclaimableSeats | null; line: string | null }[] = [
    { name: 'disabled and inactive', seats: seats(7, 12), line: '7 seats on disabled accounts, 12 on accounts inactive for 90+ days (scanned 3 hours ago).' },
    { name: 'one disabled seat only', seats: seats(1, 0), line: '1 seat on disabled accounts (scanned 3 hours ago).' },
    { name: 'inactive only', seats: seats(0, 12, { inactiveDays: 30 }), line: '12 seats on accounts inactive for 30+ days (scanned 3 hours ago).' },
    {
      name: 'inactive unknown for want of AuditLog.Read.All',
      seats: seats(7, null),
      line: '7 seats on disabled accounts; accounts inactive for 90+ days unknown: grant AuditLog.Read.All (the tenant also needs Entra ID P1 or P2) (scanned 3 hours ago).',
    },
    {
      name: 'inactive unknown without Entra ID P1 or P2, nothing disabled',
      seats: seats(0, null, { inactiveUnknown: { reason: 'premium-license', detail: 'no P1' } }),
      line: 'No seats on disabled accounts; accounts inactive for 90+ days unknown: sign-in activity needs Entra ID P1 or P2 (scanned 3 hours ago).',
    },
    { name: 'no scan yet', seats: null, line: 'Seats on disabled or inactive accounts: not scanned yet.' },
    { name: 'a scan that found nothing', seats: seats(0, 0), line: null },
  ];
  for (const row of cases) {
    it(`says ${row.line === null ? 'nothing' : 'one line'} for ${row.name}`, () => {
      assert.equal(describeReclaimable(row.seats, NOW), row.line);
    });
  }

  it('never shows an unknown inactive figure as 0', () => {
    assert.doesNotMatch(describeReclaimable(seats(3, null), NOW) ?? '', /\b0\b/);
  });
});

describe('the reclaimable line on cards', () => {
  const line = '7 seats on disabled accounts, 12 on accounts inactive for 90+ days (scanned 3 hours ago).';

  it('is one compact line on the product card, which parses with the real library, product name literal', () => {
    const card = renderCard('product-figures', buildProductFiguresCard([shortE3(seats(7, 12))], { asOf: '2026-11-30T11:59:00Z', now: NOW, stale: false }));

    const texts = findTexts(card);
    assert.deepEqual(checkAdaptiveCard(card), []);
    assert.equal(texts.filter((text) => text.text === line).length, 1);
    assert.equal(texts.find((text) => text.text === line)?.type, 'TextRun');
    assert.ok(texts.some((text) => text.text === '*E3* ${name} <b>' && text.type === 'TextRun'));
  });

  it('comes first among a short SKU\'s notes on the shortfalls card when disabled seats can cover it', () => {
    const card = renderCard('shortfalls', buildShortfallsCard([shortE3(seats(7, 12))], { tenantName: 'Contoso', asOf: '2026-11-30T11:59:00Z', now: NOW, stale: false }));

    const texts = findTexts(card).map((text) => text.text);
    assert.deepEqual(checkAdaptiveCard(card), []);
    assert.equal(texts[texts.indexOf('Shortfall 5') + 2], line);
  });

  it('says no scan has run yet, and nothing when the scan found none', () => {
    const none = buildShortfallsCard([shortE3(seats(0, 0))], { tenantName: 'Contoso', asOf: '2026-11-30T11:59:00Z', now: NOW, stale: false });
    const before = buildShortfallsCard([shortE3(null)], { tenantName: 'Contoso', asOf: '2026-11-30T11:59:00Z', now: NOW, stale: false });

    assert.deepEqual(none.shortfalls[0]?.notes, []);
    assert.deepEqual(before.shortfalls[0]?.notes.map((note) => note.text), ['Seats on disabled or inactive accounts: not scanned yet.']);
  });

  it('rides along in the digest only for a product still in trouble', () => {
    const short = shortE3(seats(7, 12));
    const recovered = makeSkuFigures({ displayName: 'Visio', purchased: 50, assigned: 10, reclaimable: seats(2, 0) });
    const transition = (figures: SkuFigures, kind: AlertTransition['kind']): AlertTransition => ({
      skuId: figures.skuId, condition: 'waiting', kind, figures, threshold: 25, recoveryLevel: 28, expiry: null, expectedVersion: null,
    });
    const digest = buildAlertDigestCard([transition(short, 'new'), transition(recovered, 'resolved')], {
      tenantName: 'Contoso', asOf: '2026-11-30T11:59:00Z', remindHours: 24, forecasts: new Map(), now: NOW,
    });
    const card = renderCard('alert-digest', digest);

    assert.deepEqual(checkAdaptiveCard(card), []);
    assert.deepEqual(digest.products.map((product) => product.reclaim), [line, null]);
    assert.equal(findTexts(card).filter((text) => text.text === line).length, 1);
  });

  it('is a note of the product on the report card', () => {
    const report = buildLicenseReportCard({
      tenantName: 'Contoso', periodLabel: 'week of 30 Nov 2026', baselineLabel: 'since Mon 23 Nov', asOf: '2026-11-30T11:59:00Z', now: NOW, stale: false,
      figures: [shortE3(seats(7, 12))], baselines: new Map(), forecasts: new Map(), trends: new Map(), trendDays: 90, openSuggestions: [], decisions: [],
    });
    const card = renderCard('license-report', report);

    assert.deepEqual(checkAdaptiveCard(card), []);
    assert.ok(report.products[0]?.notes.includes(line));
    assert.ok(findTexts(card).some((text) => text.text === line));
  });
});
