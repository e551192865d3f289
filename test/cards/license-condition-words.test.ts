import assert from 'node:assert/strict';
import type { AlertTransition } from '../../src/alerts/alert-transition';
import { buildAlertDigestCard, summarizeAlertDigest } from '../../src/alerts/alert-digest';
import { buildLicenseErrorsCard, summarizeLicenseErrors } from '../../src/cards/license-errors-card';
import { buildProductFiguresCard, summarizeProductFigures } from '../../src/cards/product-figures-card';
import { renderCard } from '../../src/cards/render-card';
import { buildShortfallsCard, summarizeShortfalls } from '../../src/cards/shortfalls-card';
import type { SkuFigures } from '../../src/licenses/sku-figures';
import { checkAdaptiveCard } from './support/check-adaptive-card';
import { findTexts } from './support/find-texts';
import { makeSkuFigures } from './support/sku-figures-factory';

const NOW = new Date('2026-11-30T09:14:00Z');
const META = { tenantName: 'Contoso', asOf: '2026-11-30T09:12:00Z', now: NOW, stale: false };

function suspended(): SkuFigures {
  return { ...makeSkuFigures({ displayName: 'Office 365 E5', purchased: 0, assigned: 14, suspended: 25 }), status: 'Suspended', overAssigned: 0, lostService: 14 };
}

function onGrace(): SkuFigures {
  return { ...makeSkuFigures({ displayName: 'Microsoft Copilot', purchased: 20, assigned: 26, expiring: 10 }), gracePeriodEndsAt: '2026-12-23T00:00:00.000Z' };
}

function short(): SkuFigures {
  return makeSkuFigures({ displayName: 'Microsoft 365 E3', purchased: 100, assigned: 100, waitingGroups: [{ groupId: 'g-bundle', displayName: 'Sales Bundle', waiting: 4 }] });
}

function blocked(cause: SkuFigures): SkuFigures {
  return {
    ...makeSkuFigures({ displayName: 'EMS E5', purchased: 300, assigned: 280 }),
    blocked: 4,
    blockedBy: [{ skuId: cause.skuId, displayName: cause.displayName, users: 4, groups: [{ groupId: 'g-bundle', displayName: 'Sales Bundle', users: 4 }] }],
  };
}

function withErrors(): SkuFigures {
  return {
    ...makeSkuFigures({ displayName: 'Visio Plan 2', purchased: 50, assigned: 10 }),
    otherErrors: [
      { error: 'ProhibitedInUsageLocationViolation', users: 2, groups: [{ groupId: 'g-c', displayName: 'Contractors', users: 2 }] },
      { error: 'SomethingNew', users: 1, groups: [{ groupId: null, displayName: 'Direct assignment', users: 1 }] },
    ],
  };
}

function texts(card: object): string[] {
  return findTexts(card).map((text) => text.text);
}

describe('card words for subscription states and licensing errors', () => {
  it('says a suspended subscription left users without service, with no shortfall and no over-assignment', () => {
    const card = renderCard('product-figures', buildProductFiguresCard([suspended()], META));
    const all = texts(card);

    assert.deepEqual(checkAdaptiveCard(card), []);
    assert.ok(all.includes('Subscription suspended'));
    assert.ok(all.includes('Subscription suspended: 14 users still hold Office 365 E5 and have lost service. Renew it, or remove their licenses.'), all.join('\n'));
    assert.ok(!all.some((text) => /over-assigned|Shortfall/i.test(text)), all.join('\n'));
    assert.equal(summarizeProductFigures([suspended()]), 'Office 365 E5: subscription suspended, 14 users have lost service');
  });

  it('says users on grace-period seats lose service on the end date, and does not call them over-assigned', () => {
    const card = renderCard('product-figures', buildProductFiguresCard([onGrace()], META));
    const all = texts(card);

    assert.ok(all.includes('6 users are on seats in a grace period that ends on 2026-12-23: renew that subscription, or they lose service.'), all.join('\n'));
    assert.ok(all.includes('No seats free: 6 on expiring seats'));
    assert.ok(!all.some((text) => /over-assigned/i.test(text)));
    assert.equal(summarizeProductFigures([onGrace()]), 'Microsoft Copilot: no seats free, 6 on expiring seats');
  });

  it('says who is blocked by which product and what to buy', () => {
    const cause = short();
    const card = renderCard('product-figures', buildProductFiguresCard([blocked(cause)], META));

    assert.ok(texts(card).includes('4 users in Sales Bundle are also missing EMS E5 because Microsoft 365 E3 is short: buy Microsoft 365 E3, not EMS E5.'));
  });

  it('lists other errors in a short section with Microsoft\'s fix, an unknown code as it came', () => {
    const card = renderCard('product-figures', buildProductFiguresCard([withErrors()], META));
    const all = texts(card);

    assert.deepEqual(checkAdaptiveCard(card), []);
    assert.ok(all.includes("Other license errors (buying seats won't fix these)"));
    assert.ok(all.includes('Usage location not allowed'));
    assert.ok(all.includes(' · 2 users in Contractors (2)'));
    assert.ok(all.includes('Fix: set a supported usage location, or remove them from the group.'));
    assert.ok(all.includes('SomethingNew'));
  });

  it('shows no error section for a product without errors', () => {
    const all = texts(renderCard('product-figures', buildProductFiguresCard([short()], META)));
    assert.ok(!all.some((text) => text.startsWith('Other license errors')));
  });

  it('lists the suspended and grace-period products among shortfalls, names what the short product holds back, and leaves out the blocked one', () => {
    const cause = short();
    const figures = [suspended(), onGrace(), cause, blocked(cause)];
    const card = renderCard('shortfalls', buildShortfallsCard(figures, META));
    const all = texts(card);

    assert.deepEqual(checkAdaptiveCard(card), []);
    assert.ok(all.includes('Subscription suspended, 14 users without service'), all.join('\n'));
    assert.ok(all.includes('6 on expiring seats'), all.join('\n'));
    assert.ok(all.includes('Also holds back EMS E5 for 4 users in Sales Bundle: buy Microsoft 365 E3, not EMS E5.'), all.join('\n'));
    assert.ok(!all.includes('EMS E5'), 'the blocked product is not a shortfall');
    assert.match(summarizeShortfalls(figures, META), /Office 365 E5 \(subscription suspended, 14 users without service\)/);
  });

  it('answers errors with each product\'s codes and fixes, then the blocked users', () => {
    const cause = short();
    const figures = [withErrors(), cause, blocked(cause)];
    const card = renderCard('license-errors', buildLicenseErrorsCard(figures, META));
    const all = texts(card);

    assert.deepEqual(checkAdaptiveCard(card), []);
    assert.ok(all.includes('Visio Plan 2'));
    assert.ok(all.includes('Fix: set a supported usage location, or remove them from the group.'));
    assert.ok(all.includes('Blocked by another product'));
    assert.ok(all.includes('4 users in Sales Bundle are also missing EMS E5 because Microsoft 365 E3 is short: buy Microsoft 365 E3, not EMS E5.'));
    assert.equal(
      summarizeLicenseErrors(figures, META),
      "Contoso: license errors buying seats won't fix: Visio Plan 2 (2 usage location not allowed, 1 somethingnew); 4 users blocked by another product of their group.",
    );
  });

  it('answers errors with "no license errors" when there are none, and leaves out hidden products', () => {
    const hidden = { ...withErrors(), hidden: true, hiddenReason: 'muted' as const };
    const card = renderCard('license-errors', buildLicenseErrorsCard([short(), hidden], META));

    assert.ok(texts(card).includes('No license errors'));
    assert.equal(summarizeLicenseErrors([short(), hidden], META), 'Contoso: no license errors.');
  });

  it('says license errors are unknown, never "no license errors", when the group members could not be read', () => {
    const notice = "Waiting users and the shortfall are unknown: Headroom's app registration lacks the Microsoft Graph permission GroupMember.Read.All";
    const card = renderCard('license-errors', buildLicenseErrorsCard([short()], { ...META, notice }));
    const all = texts(card);

    assert.deepEqual(checkAdaptiveCard(card), []);
    assert.ok(!all.includes('No license errors'));
    assert.ok(all.some((text) => text.startsWith('License errors are unknown')));
    assert.ok(all.some((text) => text.includes('GroupMember.Read.All')));
    assert.equal(summarizeLicenseErrors([short()], { ...META, notice }), 'Contoso: license errors are unknown.');
  });

  it('stays under 28 KB with many products, codes and long names', () => {
    const many = Array.from({ length: 40 }, (_, index) => ({
      ...makeSkuFigures({
        displayName: `${'P'.repeat(300)}${index}`,
        purchased: 10,
        assigned: 12,
        expiring: 1,
        waitingGroups: Array.from({ length: 40 }, (_, g) => ({ groupId: `w${g}`, displayName: 'W'.repeat(300), waiting: 2 })),
      }),
      gracePeriodEndsAt: '2026-12-23T00:00:00.000Z',
      otherErrors: ['MutuallyExclusiveViolation', 'DependencyViolation', 'ProhibitedInUsageLocationViolation', 'UniquenessViolation', 'Other'].map((error) => ({
        error,
        users: 3,
        groups: Array.from({ length: 20 }, (_, g) => ({ groupId: `g${g}`, displayName: 'G'.repeat(300), users: 1 })),
      })),
      blocked: 2,
      blockedBy: Array.from({ length: 6 }, (_, c) => ({
        skuId: `x${c}`,
        displayName: 'C'.repeat(300),
        users: 2,
        groups: Array.from({ length: 20 }, (_, g) => ({ groupId: `g${g}`, displayName: 'G'.repeat(300), users: 1 })),
      })),
    }));
    for (const card of [
      renderCard('license-errors', buildLicenseErrorsCard(many, META)),
      renderCard('product-figures', buildProductFiguresCard(many, META)),
      renderCard('shortfalls', buildShortfallsCard(many, META)),
    ]) {
      assert.ok(Buffer.byteLength(JSON.stringify(card)) < 28 * 1024, `${Buffer.byteLength(JSON.stringify(card))} bytes`);
    }
  });
});

describe('digest words for the new conditions', () => {
  function transition(figures: SkuFigures, condition: string, kind: AlertTransition['kind']): AlertTransition {
    return { skuId: figures.skuId, condition, kind, figures, threshold: 5, recoveryLevel: 6, expiry: null, expectedVersion: null };
  }
  const meta = { tenantName: 'Contoso', asOf: META.asOf, remindHours: 24, forecasts: new Map<string, string>() };

  it('posts a suspended subscription in attention and license errors after it, subtle', () => {
    const errors = withErrors();
    const card = renderCard('alert-digest', buildAlertDigestCard([transition(errors, 'license-errors', 'new'), transition(suspended(), 'suspended', 'new')], meta));
    const all = texts(card);

    assert.deepEqual(checkAdaptiveCard(card), []);
    assert.equal(all[0], 'License warnings: 1 product');
    const suspendedAt = all.indexOf(' · Subscription suspended: 14 users still hold Office 365 E5 and have lost service. Renew it, or remove their licenses.');
    const errorsAt = all.findIndex((text) => text.startsWith(" · 3 users in license errors buying seats won't fix: 2 usage location not allowed"));
    assert.ok(suspendedAt > 0 && errorsAt > suspendedAt, all.join('\n'));
    const runs = JSON.stringify(card);
    assert.match(runs, /"text":" · 3 users in license errors[^}]*"isSubtle":true/);
  });

  it('titles a digest of license errors alone with lower emphasis than a warning', () => {
    const card = buildAlertDigestCard([transition(withErrors(), 'license-errors', 'new')], meta);
    assert.deepEqual([card.title, card.titleColor], ['License errors: 1 product', 'warning']);
    assert.match(summarizeAlertDigest([transition(withErrors(), 'license-errors', 'new')], meta), /^Contoso: License errors: Visio Plan 2 \(errors: 3 users/);
  });

  it('says a grace-period SKU\'s users lose service, and over-assignment counts only users beyond every usable seat', () => {
    const grace = onGrace();
    const over = makeSkuFigures({ displayName: 'Power BI Pro', purchased: 50, assigned: 60, expiring: 5 });
    const expiry = { warningSeats: 10, endsAt: null, endingStatus: null };
    const card = renderCard(
      'alert-digest',
      buildAlertDigestCard([{ ...transition(grace, 'expiring', 'new'), expiry }, transition(grace, 'exhausted', 'new'), transition(over, 'over-assigned', 'new')], meta),
    );
    const all = texts(card);

    assert.ok(all.includes(' · Out of seats: 26 assigned of 20 purchased'), all.join('\n'));
    assert.ok(all.includes(' · 10 seats in a grace period, 6 users on them: renew, or they lose service'), all.join('\n'));
    assert.ok(all.includes(' · Over-assigned by 5: 60 assigned of 50 purchased and 5 in a grace period'), all.join('\n'));
  });
});
