import assert from 'node:assert/strict';
import { computeSkuFigures } from '../../src/licenses/availability';
import { cardText } from '../support/card-text';
import { expectedFigures } from '../support/expected-figures';
import { startHarness, type Harness } from '../support/headroom-harness';
import type { ConnectorCall } from '../support/local-connector';
import { watchChannel } from '../support/watched-channel';

function cardOf(call: ConnectorCall): Record<string, unknown> {
  const attachments = call.body.attachments as { content: Record<string, unknown> }[];
  return attachments[0].content;
}

/**
 * The Done-when of issue 13, over HTTP to /api/messages against Contoso, which has a suspended
 * subscription (Office 365 E5), a grace period with users on its seats (Microsoft Copilot), a group
 * assigning Power BI Pro (no free seat) with EMS E5, and usage-location and mutually exclusive errors.
 */
describe('suspended, grace-period, blocked and erroring licenses in chat and in the digest', function () {
  this.timeout(15_000);
  let harness: Harness;

  before(async () => {
    harness = await startHarness();
  });
  after(async () => {
    await harness.stop();
  });

  function sku(part: string): { skuId: string; consumedUnits: number; prepaidUnits: { enabled: number; warning: number } } {
    const found = harness.graph.tenant.findSku(part);
    assert.ok(found, part);
    return found;
  }

  it('answers "how many E5 left?" with the suspended subscription in words, never as over-assigned', async () => {
    const { card, summary } = await harness.ask('how many E5 left?');
    const text = cardText(card);
    const o365e5 = sku('ENTERPRISEPREMIUM');

    assert.match(text, /Microsoft 365 E5/);
    assert.ok(
      text.includes(`Subscription suspended: ${o365e5.consumedUnits} users still hold Office 365 E5 and have lost service. Renew it, or remove their licenses.`),
      text,
    );
    assert.ok(!/Over-assigned by/.test(text), text);
    assert.match(summary, new RegExp(`Office 365 E5: subscription suspended, ${o365e5.consumedUnits} users have lost service`));
  });

  it('answers shortfalls with the suspended subscription, the users on expiring seats and what to buy instead of the blocked product', async () => {
    const { card, summary } = await harness.ask('shortfalls');
    const text = cardText(card);
    const copilot = sku('Microsoft_365_Copilot');
    const onExpiring = Math.min(copilot.prepaidUnits.warning, copilot.consumedUnits - copilot.prepaidUnits.enabled);
    const ems = expectedFigures(harness.graph.tenant).get(sku('EMSPREMIUM').skuId);
    assert.ok(ems && ems.blocked > 0);

    assert.match(text, /Subscription suspended, \d+ users without service/);
    assert.match(text, new RegExp(`${onExpiring} users are on seats in a grace period that ends on \\d{4}-\\d{2}-\\d{2}: renew that subscription, or they lose service\\.`));
    assert.ok(
      text.includes(`Also holds back Enterprise Mobility + Security E5 for ${ems.blocked} users in Sales Bundle: buy Power BI Pro, not Enterprise Mobility + Security E5.`),
      text,
    );
    assert.ok(!/Enterprise Mobility \+ Security E5 (Shortfall|Over-assigned)/.test(text), 'EMS E5 is only blocked, not short');
    assert.ok(!summary.includes('Enterprise Mobility'), summary);
  });

  for (const ask of ['errors', 'license errors']) {
    it(`answers "${ask}" with the errors buying won't fix, their fixes, and the blocked users`, async () => {
      const { card, summary } = await harness.ask(ask);
      const text = cardText(card);

      assert.match(text, /License errors/);
      assert.match(text, /Usage location not allowed/);
      assert.match(text, /Fix: set a supported usage location, or remove them from the group\./);
      assert.match(text, /Conflicting service plans/);
      assert.match(text, /users in Sales Bundle are also missing Enterprise Mobility \+ Security E5 because Power BI Pro is short: buy Power BI Pro, not Enterprise Mobility \+ Security E5\./);
      assert.match(summary, /Microsoft 365 E3 \(2 usage location not allowed\)/);
    });
  }

  it('posts the suspended subscription and, with less emphasis, the license errors in the digest, and never suggests buying the blocked or suspended product', async () => {
    await watchChannel(harness.headroom.store, harness.connector.url, '19:digest@thread.tacv2');
    const first = await harness.headroom.watcher.tickOnce();
    const second = await harness.headroom.watcher.tickOnce();

    const posted = first.transitions.map((t) => `${t.figures.skuPartNumber} ${t.condition} ${t.kind}`);
    assert.ok(posted.includes('ENTERPRISEPREMIUM suspended new'), posted.join('\n'));
    assert.ok(posted.includes('SPE_E3 license-errors new'), posted.join('\n'));
    assert.ok(!posted.some((line) => line.startsWith('ENTERPRISEPREMIUM over-assigned') || line.startsWith('Microsoft_365_Copilot over-assigned')), posted.join('\n'));
    assert.ok(!posted.some((line) => line.startsWith('EMSPREMIUM waiting')), posted.join('\n'));
    assert.deepEqual(second.transitions.filter((t) => t.condition === 'license-errors' || t.condition === 'suspended'), []);

    const digest = harness.connector.sent().map(cardOf).find((content) => cardText(content).includes('License warnings'));
    assert.ok(digest);
    const text = cardText(digest);
    assert.match(text, /Subscription suspended: \d+ users still hold Office 365 E5 and have lost service/);
    assert.match(JSON.stringify(digest), /"text":" · \d+ users? in license errors buying seats won't fix[^}]*"isSubtle":true/);

    const suggestions = await harness.headroom.store.listSuggestions({ statuses: ['proposed', 'approved'] });
    const parts = suggestions.map((s) => s.skuPartNumber);
    assert.ok(!parts.includes('EMSPREMIUM'), parts.join());
    assert.ok(!parts.includes('ENTERPRISEPREMIUM'), parts.join());
  });

  it('resolves suspended once when nobody holds the subscription any more, and license errors once when they are fixed', async () => {
    harness.graph.tenant.updateSku('ENTERPRISEPREMIUM', { consumedUnits: 0 });
    harness.graph.tenant.removeLicenseErrors('SPE_E3');

    const resolved = await harness.headroom.watcher.tickOnce();
    const after = await harness.headroom.watcher.tickOnce();

    const posted = resolved.transitions.map((t) => `${t.figures.skuPartNumber} ${t.condition} ${t.kind}`);
    assert.ok(posted.includes('ENTERPRISEPREMIUM suspended resolved'), posted.join('\n'));
    assert.ok(posted.includes('SPE_E3 license-errors resolved'), posted.join('\n'));
    assert.ok(!posted.some((line) => line.startsWith('ENTERPRISEPREMIUM') && !line.endsWith('suspended resolved')), posted.join('\n'));
    assert.deepEqual(after.transitions.filter((t) => t.condition === 'suspended' || t.condition === 'license-errors'), []);
  });

  it('computes the same figures in chat as the definitions give', async () => {
    const served = await harness.headroom.licenses.figures();
    const expected = expectedFigures(harness.graph.tenant);
    for (const figures of computeSkuFigures(served.snapshot)) {
      const want = expected.get(figures.skuId);
      assert.ok(want);
      assert.deepEqual([figures.waiting, figures.blocked, figures.overAssigned, figures.onExpiringSeats], [want.waiting, want.blocked, want.overAssigned, want.onExpiringSeats], figures.skuPartNumber);
    }
  });
});
