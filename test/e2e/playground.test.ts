import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { CONTOSO_IDS } from '../../src/demo-tenant/contoso-tenant';
import { createDemoGuid } from '../../src/demo-tenant/demo-guid';
import { launchBrowser, type BrowserSession } from '../support/browser';
import { startHarness, type Harness } from '../support/headroom-harness';
import { startAgentsPlayground, type AgentsPlayground, type PlaygroundIdentities } from './support/agents-playground';
import { PlaygroundPage } from './support/playground-page';
import type { PageElement } from './support/page-dom';

const BOT_NAME = 'Headroom';
const CHANNEL = 'IT Ops - License alerts';

/** The Playground acts as Megan Bowen, Contoso's Headroom admin, in Contoso's tenant. */
const IDENTITIES: PlaygroundIdentities = {
  tenantId: CONTOSO_IDS.tenantId,
  bot: { id: '5e1f3c2a-7d4b-4e8f-9a6b-0c1d2e3f4a5b', name: BOT_NAME },
  currentUser: { id: '29:megan-bowen', name: 'Megan Bowen', aadObjectId: CONTOSO_IDS.adminUserId },
  users: [
    { id: '29:alex-wilber', name: 'Alex Wilber', aadObjectId: CONTOSO_IDS.approverUserId },
    { id: '29:lidia-holloway', name: 'Lidia Holloway', aadObjectId: CONTOSO_IDS.nestedApproverUserId },
    { id: '29:adele-vance', name: 'Adele Vance', aadObjectId: CONTOSO_IDS.regularUserId },
    { id: '29:patti-fernandez', name: 'Patti Fernandez', aadObjectId: createDemoGuid('contoso:user:patti.fernandez') },
    { id: '29:pradeep-gupta', name: 'Pradeep Gupta', aadObjectId: createDemoGuid('contoso:user:pradeep.gupta') },
  ],
  groupChat: { id: '19:license-admins@thread.v2', name: 'License admins' },
  team: {
    id: '19:it-ops-general@thread.tacv2',
    name: 'IT Ops',
    aadGroupId: CONTOSO_IDS.itOperationsGroupId,
    channels: [{ id: '19:license-alerts@thread.tacv2', name: 'License alerts' }],
  },
};

const DAY_MS = 24 * 60 * 60 * 1000;
const DOCS_DIRECTORY = path.resolve(__dirname, '..', '..', 'docs', 'playground');

/** Stores a history row per product every ten days over the last 90, assigned seats rising to today's. */
async function seedHistory(harness: Harness): Promise<void> {
  const served = await harness.headroom.licenses.figures();
  for (let back = 90; back >= 10; back -= 10) {
    const rows = served.figures.map((sku) => {
      const assigned = Math.max(0, sku.assigned - Math.round((back / 90) * Math.max(5, sku.purchased * 0.08)));
      return { skuId: sku.skuId, purchased: sku.purchased, assigned, available: sku.purchased - assigned, waiting: sku.waiting ?? 0 };
    });
    await harness.headroom.store.recordSnapshot(new Date(Date.now() - back * DAY_MS).toISOString(), rows);
  }
}

/** How many charts Teams' renderer drew in a card: its SVG or canvas drawings, not icons. */
async function chartsIn(card: Locator): Promise<number> {
  return card.evaluate((root) => {
    const element = root as unknown as PageElement;
    return Array.from(element.querySelectorAll('svg, canvas')).filter((node) => {
      const rect = node.getBoundingClientRect();
      return rect.right - rect.left >= 150 && rect.bottom - rect.top >= 80;
    }).length;
  });
}

/** Saves a whole card for the README: the viewport grows for the shot, since the chat pane scrolls. */
async function saveCardScreenshot(ui: PlaygroundPage, card: Locator, name: string): Promise<void> {
  const viewport = ui.page.viewportSize();
  mkdirSync(DOCS_DIRECTORY, { recursive: true });
  await ui.page.setViewportSize({ width: viewport?.width ?? 1280, height: 3000 });
  try {
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: path.join(DOCS_DIRECTORY, `${name}.png`), animations: 'disabled' });
  } finally {
    if (viewport !== null) {
      await ui.page.setViewportSize(viewport);
    }
  }
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}

// The steps build on each other like a person's session: the channel watched in one step gets the
// warning of the next, whose reservation suggestion is approved in the last. Run the file as a whole.
describe('Headroom in the Microsoft 365 Agents Playground', function () {
  this.timeout(180_000);
  let harness: Harness | undefined;
  let playground: AgentsPlayground | undefined;
  let browser: BrowserSession | undefined;
  let ui: PlaygroundPage;

  before(async function () {
    browser = await launchBrowser(this);
    harness = await startHarness({
      ALLOWED_TENANT_IDS: CONTOSO_IDS.tenantId,
      ADMIN_USER_IDS: CONTOSO_IDS.adminUserId,
      APPROVER_GROUP_ID: CONTOSO_IDS.approverGroupId,
    });
    // Three months of history, so the product card and the report have trends to draw.
    await seedHistory(harness);
    // A first tick records how things stand; nobody watches yet, so nothing is posted.
    await harness.headroom.watcher.tickOnce();
    playground = await startAgentsPlayground(`${harness.headroom.url}/api/messages`, IDENTITIES);
    ui = new PlaygroundPage(browser.page, playground.url);
    await ui.open();
  });

  after(async () => {
    // Every process goes, even when one of them fails to stop.
    const stopped = await Promise.allSettled([browser?.close(), playground?.stop(), harness?.stop()]);
    const failure = stopped.find((result) => result.status === 'rejected');
    if (failure !== undefined) {
      throw failure.reason instanceof Error ? failure.reason : new Error(String(failure.reason));
    }
  });

  function tenant(): Harness['graph']['tenant'] {
    assert.ok(harness, 'Headroom is running');
    return harness.graph.tenant;
  }

  /** A SKU's figures straight from the demo tenant's model. */
  function skuInTenant(partNumber: string): { purchased: number; available: number; waiting: number } {
    const sku = tenant().findSku(partNumber);
    assert.ok(sku, `the demo tenant has ${partNumber}`);
    const purchased = sku.prepaidUnits.enabled;
    return { purchased, available: purchased - sku.consumedUnits, waiting: tenant().waitingUserIds(partNumber).length };
  }

  it('answers "how many E3 left?" in the personal chat with the demo tenant\'s figures', async () => {
    const card = await ui.ask('how many E3 left?');

    await ui.screenshot('01-personal-chat-how-many-e3-left');
    assert.ok((await chartsIn(card)) >= 1, 'Teams draws the 90-day chart of the first product');
    await saveCardScreenshot(ui, card, 'product-trend');
    const text = await card.innerText();
    const lines = await ui.readLines(card);
    const m365 = skuInTenant('SPE_E3');
    const o365 = skuInTenant('ENTERPRISEPACK');
    assert.ok(text.includes('Microsoft 365 E3') && text.includes('Office 365 E3'), text);
    assert.ok(text.includes(`${count(m365.available)} of ${count(m365.purchased)} available`), text);
    assert.ok(text.includes(`${count(o365.available)} of ${count(o365.purchased)} available`), text);
    const shown = text.indexOf('Microsoft 365 E3') < text.indexOf('Office 365 E3') ? [m365, o365] : [o365, m365];
    const beside = (label: string): string[] => lines.filter((line) => line[0] === label).map((line) => line.slice(1).join(' '));
    assert.deepEqual(beside('Purchased'), shown.map((sku) => count(sku.purchased)));
    assert.deepEqual(beside('Available'), shown.map((sku) => count(sku.available)));
    assert.deepEqual(beside('Users waiting'), shown.map((sku) => count(sku.waiting)));
  });

  it('shows the license report with a drawn chart for each of the three tightest products', async () => {
    const card = await ui.ask('report');

    await ui.screenshot('02-personal-chat-report');
    await saveCardScreenshot(ui, card, 'license-report');
    const text = await card.innerText();
    assert.match(text, /License report · week of /);
    assert.ok(text.includes('Tightest products'), text);
    assert.equal(await chartsIn(card), 3);
    assert.ok(!/over the last 90 days/.test(text), 'Teams draws the charts, so their fallbacks stay hidden');
  });

  it('lists under "shortfalls" exactly the groups whose users wait for a product that is short', async () => {
    const short = new Set(
      tenant()
        .skus.filter((sku) => {
          const figures = skuInTenant(sku.skuId);
          return figures.waiting > figures.available;
        })
        .map((sku) => sku.skuId),
    );
    const expected = tenant()
      .groupsWithLicenseErrors()
      .filter((group) =>
        tenant()
          .membersWithLicenseErrors(group.id)
          .some((user) => user.licenseAssignmentStates.some((state) => state.error === 'CountViolation' && state.assignedByGroup === group.id && short.has(state.skuId))),
      )
      .map((group) => group.displayName);
    assert.ok(expected.length > 0, 'the demo tenant has users waiting for a short product');

    const card = await ui.ask('shortfalls');

    await ui.screenshot('02-personal-chat-shortfalls');
    const text = await card.innerText();
    for (const name of expected) {
      assert.ok(text.includes(name), `${name} is listed literally:\n${text}`);
    }
    assert.ok(!text.includes('License Approvers'), 'a group nobody waits in is not listed');
  });

  it('confirms "@Headroom watch here" in a Teams channel', async () => {
    await ui.openConversation(CHANNEL);

    const thread = await ui.postMentioning(BOT_NAME, 'watch here');

    const confirmation = thread.locator('.ac-adaptiveCard', { hasText: 'Watching this channel' });
    await confirmation.waitFor();
    await ui.screenshot('03-channel-watch-here');
  });

  it('posts a warning in the watched channel when the tenant\'s figures change', async () => {
    assert.ok(harness, 'Headroom is running');
    const response = await fetch(`${harness.graph.baseUrl}/_demo/skus/SPE_E3`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ consumedUnits: skuInTenant('SPE_E3').purchased }),
    });
    assert.equal(response.status, 200, await response.text());

    const tick = await harness.headroom.watcher.tickOnce();

    assert.equal(tick.error, null);
    const sku = tenant().findSku('SPE_E3');
    assert.ok(sku);
    const warning = ui.page.locator('.ac-adaptiveCard', { hasText: 'License warning' }).filter({ hasText: 'Microsoft 365 E3' });
    await warning.first().waitFor();
    await warning.first().scrollIntoViewIfNeeded();
    await ui.screenshot('04-channel-warning-after-figures-change');
    const text = await warning.first().innerText();
    assert.ok(text.includes(`${count(sku.consumedUnits)} of ${count(sku.prepaidUnits.enabled)} assigned`), text);
    assert.ok(text.includes(`${count(sku.prepaidUnits.enabled - sku.consumedUnits)} available`), text);
  });

  it('updates the reservation suggestion card in place to "Approved by ..." when Approve is clicked', async () => {
    const suggestions = ui.page.locator('.ac-adaptiveCard', { hasText: 'Reservation suggestion' });
    await suggestions.first().waitFor();
    const before = await suggestions.count();
    const suggestion = suggestions.filter({ hasText: 'Microsoft 365 E3' }).first();
    await suggestion.scrollIntoViewIfNeeded();

    await suggestion.getByRole('button', { name: 'Approve', exact: true }).click();

    const approved = suggestions.filter({ hasText: `Approved by ${IDENTITIES.currentUser.name}` });
    await approved.first().waitFor();
    await approved.first().scrollIntoViewIfNeeded();
    await ui.screenshot('05-channel-suggestion-approved');
    assert.equal(await suggestions.count(), before, 'the card was replaced, not posted again');
    assert.equal(await approved.getByRole('button', { name: 'Approve', exact: true }).count(), 0, 'an approved card offers no Approve button');
  });
});
