import assert from 'node:assert/strict';
import { buildReclaimAnswerCard, summarizeReclaimAnswer } from '../../src/cards/reclaim-answer-card';
import type { ReclaimPersonView, ReclaimProductView, ReclaimView } from '../../src/cards/reclaim-view';
import { renderCard } from '../../src/cards/render-card';
import { checkAdaptiveCard } from './support/check-adaptive-card';
import { findTexts } from './support/find-texts';

const now = new Date('2026-11-30T18:00:00.000Z');

function person(index: number, overrides: Partial<ReclaimPersonView> = {}): ReclaimPersonView {
  return {
    displayName: `Person ${index}`,
    userPrincipalName: `person${index}@contoso.example`,
    reason: 'disabled',
    lastSignIn: '2026-05-02T08:00:00.000Z',
    heldBy: 'direct',
    ...overrides,
  };
}

function product(overrides: Partial<ReclaimProductView> = {}): ReclaimProductView {
  return { name: 'Microsoft 365 E3', partNumber: 'SPE_E3', disabled: 3, inactive: 2, direct: 4, groups: [{ id: 'g1', name: 'Sales Bundle', seats: 1 }], people: [], ...overrides };
}

function view(overrides: Partial<ReclaimView> = {}): ReclaimView {
  return { asOf: '2026-11-30T15:00:00.000Z', now, inactiveDays: 90, inactiveUnknown: null, query: null, names: 'shown', products: [product()], ...overrides };
}

function texts(data: ReclaimView): string[] {
  return findTexts(renderCard('reclaim-answer', buildReclaimAnswerCard(data))).map((text) => text.text);
}

describe('buildReclaimAnswerCard', () => {
  it('gives per product the seats on disabled and inactive accounts, how they are held, and the scan age', () => {
    const shown = texts(view());

    assert.ok(shown.includes('3 seats on disabled accounts · 2 on accounts inactive for 90+ days'), shown.join('\n'));
    assert.ok(shown.includes('4 assigned directly: removing the license from the account frees the seat'));
    assert.ok(shown.includes('1 through the group Sales Bundle: take the users out of the group to free them'));
    assert.ok(shown.includes('Scanned 3 hours ago'));
  });

  it('shows each person to admins with the reason, last sign-in and how the seat is held', () => {
    const data = view({ products: [product({ people: [person(1), person(2, { reason: 'inactive', heldBy: { id: 'g1', name: 'Sales Bundle' } })] })] });

    const shown = texts(data);

    assert.ok(shown.includes('Person 1'));
    assert.ok(shown.includes(' · person1@contoso.example'));
    assert.ok(shown.includes('Disabled · last sign-in 2026-05-02 (212 days ago) · assigned directly'), shown.join('\n'));
    assert.ok(shown.includes('Inactive · last sign-in 2026-05-02 (212 days ago) · through the group Sales Bundle'));
  });

  it('reads a missing last sign-in as "never" only for an inactive account', () => {
    const shown = texts(view({ products: [product({ people: [person(1, { lastSignIn: null }), person(2, { reason: 'inactive', lastSignIn: null })] })] }));

    assert.ok(shown.includes('Disabled · last sign-in not known · assigned directly'), shown.join('\n'));
    assert.ok(shown.includes('Inactive · no sign-in recorded · assigned directly'));
  });

  it('caps the people of the only product at 25 and says how many more', () => {
    const people = Array.from({ length: 30 }, (_, index) => person(index));

    const card = buildReclaimAnswerCard(view({ products: [product({ people })] }));

    assert.equal(card.products[0]?.people.length, 25);
    assert.match(card.products[0]?.morePeople ?? '', /^and 5 more accounts/);
  });

  it('says why names are missing for someone who is not an admin', () => {
    const shown = texts(view({ names: 'not-admin' }));

    assert.ok(shown.some((text) => text.includes('personal data') && text.includes('admins only')));
  });

  it('says inactive seats are unknown, and what to grant, instead of 0', () => {
    const data = view({ inactiveUnknown: { reason: 'permission', detail: 'Graph answered 403 for signInActivity.' }, products: [product({ inactive: null })] });

    const shown = texts(data);

    assert.ok(shown.some((text) => text.includes('AuditLog.Read.All') && text.includes('unknown')));
    assert.ok(shown.includes('Graph answered 403 for signInActivity.'));
    assert.ok(shown.includes('3 seats on disabled accounts · unknown on accounts inactive for 90+ days'));
    assert.ok(!shown.some((text) => /\b0 on accounts inactive/.test(text)));
  });

  it('colours a product with nothing on disabled accounts as a warning, not all clear, while inactive is unknown', () => {
    const unknown = buildReclaimAnswerCard(view({ inactiveUnknown: { reason: 'read-failed', detail: '' }, products: [product({ disabled: 0, inactive: null })] }));
    const clear = buildReclaimAnswerCard(view({ products: [product({ disabled: 0, inactive: 0 })] }));

    assert.equal(unknown.products[0]?.counts.color, 'warning');
    assert.equal(clear.products[0]?.counts.color, 'good');
  });

  it('renders tenant strings literally, in TextRuns', () => {
    const hostile = '**Boss** [x](https://evil.example) ${name}';
    const card = renderCard('reclaim-answer', buildReclaimAnswerCard(view({ products: [product({ name: hostile, groups: [{ id: 'g', name: hostile, seats: 1 }], people: [person(1, { displayName: hostile })] })] })));

    const found = findTexts(card).filter((text) => text.text.includes('**Boss**'));
    assert.ok(found.length >= 3);
    assert.ok(found.every((text) => text.type === 'TextRun'));
    assert.ok(findTexts(card).some((text) => text.text === hostile));
  });

  it('parses with the adaptivecards library, and stays far below 28 KB at its worst', () => {
    const long = 'N'.repeat(300);
    const people = Array.from({ length: 40 }, (_, index) => person(index, { displayName: long, userPrincipalName: `${long}@x.example`, heldBy: { id: 'g', name: long } }));
    const products = Array.from({ length: 12 }, (_, index) => product({ name: `${long}${index}`, partNumber: long, people, groups: Array.from({ length: 9 }, (_, g) => ({ id: `g${g}`, name: long, seats: 1 })) }));
    for (const data of [view(), view({ products }), view({ products: [products[0] as ReclaimProductView] }), view({ products: [], names: 'not-admin' })]) {
      const card = renderCard('reclaim-answer', buildReclaimAnswerCard(data));
      assert.deepEqual(checkAdaptiveCard(card), []);
      assert.ok(Buffer.byteLength(JSON.stringify(card)) < 22_000, `${Buffer.byteLength(JSON.stringify(card))} bytes`);
    }
  });

  it('says when nothing is to be reclaimed', () => {
    const shown = texts(view({ products: [] }));

    assert.ok(shown.includes('No product has seats on disabled accounts or on inactive ones.'));
  });
});

describe('summarizeReclaimAnswer', () => {
  it('gives counts and the scan age, never names', () => {
    const summary = summarizeReclaimAnswer(view({ products: [product({ people: [person(1)] })] }));

    assert.equal(summary, 'Seats to reclaim (scanned 3 hours ago): Microsoft 365 E3: 3 disabled, 2 inactive.');
  });
});
