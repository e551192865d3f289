import assert from 'node:assert/strict';
import { CONTOSO_IDS } from '../../src/demo-tenant/contoso-tenant';
import { cardText, cardTexts } from '../support/card-text';
import { startHarness, type Harness } from '../support/headroom-harness';

describe('license questions in chat', () => {
  let harness: Harness;

  before(async () => {
    harness = await startHarness();
  });
  after(async () => {
    await harness.stop();
  });
  afterEach(() => {
    harness.graph.faults.clear();
  });

  function skuFromTenant(partNumber: string): { purchased: number; assigned: number; available: number; waiting: number } {
    const sku = harness.graph.tenant.findSku(partNumber);
    assert.ok(sku, `the demo tenant has ${partNumber}`);
    const purchased = sku.prepaidUnits.enabled;
    const waiting = harness.graph.tenant.waitingUserIds(partNumber).length;
    return { purchased, assigned: sku.consumedUnits, available: purchased - sku.consumedUnits, waiting };
  }

  it('answers "how many E3 left?" with the figures of both E3 products', async () => {
    const { card, summary } = await harness.ask('how many E3 left?');
    const text = cardText(card);
    const m365 = skuFromTenant('SPE_E3');
    const o365 = skuFromTenant('ENTERPRISEPACK');
    assert.match(text, /Microsoft 365 E3/);
    assert.match(text, /Office 365 E3/);
    assert.ok(text.includes(`${m365.available} of ${m365.purchased} available`), text);
    assert.ok(text.includes(`${o365.available.toLocaleString('en-US')} of ${o365.purchased.toLocaleString('en-US')} available`), text);
    assert.match(summary, new RegExp(`Microsoft 365 E3: ${m365.available} of ${m365.purchased} available, ${m365.waiting} waiting, shortfall ${m365.waiting - m365.available}`));
  });

  it('says how old the data is', async () => {
    const { card } = await harness.ask('e5');
    assert.match(cardText(card), /Data from|as of|just now|seconds? ago|minutes? ago/i);
  });

  it('counts a user waiting through two groups once', async () => {
    const { summary } = await harness.ask('m365 e3');
    const distinct = new Set(harness.graph.tenant.waitingUserIds('SPE_E3')).size;
    assert.match(summary, new RegExp(`${distinct} waiting`));
  });

  it('states over-assignment in words', async () => {
    const bi = skuFromTenant('POWER_BI_PRO');
    assert.ok(bi.available < 0, 'the demo tenant over-assigns Power BI Pro');
    const { card } = await harness.ask('power bi pro');
    assert.match(cardText(card), new RegExp(`Over-assigned by ${-bi.available}`));
  });

  it('answers when @mentioned in a channel', async () => {
    const { card } = await harness.ask('how many E3 left?', {
      mentionBot: true,
      conversationType: 'channel',
      conversationId: '19:ops@thread.tacv2;messageid=1',
      teamId: '19:team@thread.tacv2',
    });
    assert.match(cardText(card), /Microsoft 365 E3/);
  });

  it('lists visible SKUs tightest first and leaves out free, trial and company-level ones', async () => {
    const { card } = await harness.ask('licenses');
    const texts = cardTexts(card);
    const position = (name: string): number => texts.findIndex((t) => t === name);
    assert.ok(position('Microsoft 365 E3') >= 0, 'lists Microsoft 365 E3');
    assert.ok(position('Power BI Pro') < position('Office 365 E3'), 'a short SKU comes before a comfortable one');
    for (const hiddenPart of ['WINDOWS_STORE', 'FLOW_FREE']) {
      const sku = harness.graph.tenant.findSku(hiddenPart);
      assert.ok(sku);
      assert.ok(!texts.includes(hiddenPart), `${hiddenPart} is hidden`);
    }
  });

  it('lists shortfalls with the groups whose users are waiting, names shown literally', async () => {
    const { card } = await harness.ask('shortfalls');
    const texts = cardTexts(card);
    assert.ok(texts.some((t) => t.includes('Contractors')), 'names Contractors');
    assert.ok(texts.some((t) => t.includes('Temp Staff')), 'names Temp Staff');
    const rd = harness.graph.tenant.findGroup(CONTOSO_IDS.rdInternsGroupId);
    assert.ok(rd);
    if (harness.graph.tenant.membersWithLicenseErrors(rd.id).length > 0) {
      assert.ok(texts.some((t) => t.includes(rd.displayName)), 'the R&D group name appears literally');
    }
    const withoutTenantNames = JSON.stringify(card).split(JSON.stringify(rd.displayName).slice(1, -1)).join('');
    assert.ok(!withoutTenantNames.includes('${'), 'no template expression survives');
  });

  it('suggests the closest names when nothing matches', async () => {
    const { card } = await harness.ask('vizio');
    const text = cardText(card);
    assert.match(text, /couldn.t find/i);
    assert.match(text, /Visio/);
  });

  it('serves the last figures, marked stale, when Graph fails', async () => {
    await harness.ask('e3');
    harness.graph.faults.inject({ status: 503, times: 50 });
    const { card } = await harness.ask('e3');
    assert.match(cardText(card), /unreachable|stale|last known|could not/i);
  });

  it('explains a missing Graph permission instead of failing', async () => {
    const fresh = await startHarness();
    try {
      fresh.graph.faults.inject({ status: 403, times: 50, pathIncludes: 'subscribedSkus' });
      const { card } = await fresh.ask('licenses');
      assert.match(cardText(card), /permission|consent/i);
    } finally {
      await fresh.stop();
    }
  });
});

describe('the same question from several chats, with the figures cached', () => {
  let harness: Harness;

  before(async () => {
    harness = await startHarness({ LICENSE_CACHE_SECONDS: '3600' });
  });
  after(async () => {
    await harness.stop();
  });

  it('answers each chat in its own conversation, as a reply to its own message, with the same card', async () => {
    const first = await harness.send({ text: 'how many E3 left?', conversationId: 'a:personal-first-admin' });
    const second = await harness.send({ text: 'how many E3 left?', conversationId: 'a:personal-second-admin', userName: 'Bo Admin' });

    const [firstReply] = first.replies;
    const [secondReply] = second.replies;
    assert.ok(firstReply && secondReply, 'each question got a reply');
    assert.equal(firstReply.conversationId, 'a:personal-first-admin');
    assert.equal(secondReply.conversationId, 'a:personal-second-admin');
    assert.notEqual(firstReply.activityId, secondReply.activityId);
    assert.equal((secondReply.body.recipient as { name?: string }).name, 'Bo Admin');
    assert.equal((secondReply.body.conversation as { id?: string }).id, 'a:personal-second-admin');
    assert.deepEqual(secondReply.body.attachments, firstReply.body.attachments);
  });
});
