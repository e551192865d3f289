import assert from 'node:assert/strict';
import { CONTOSO_IDS } from '../../src/demo-tenant/contoso-tenant';
import { RECLAIM_VERBS } from '../../src/reclaim/card-verbs';
import { cardText } from '../support/card-text';
import { startHarness, type Harness } from '../support/headroom-harness';
import { watchChannel } from '../support/watched-channel';

const CHANNEL = '19:licensing@thread.tacv2';
const TEAM_ID = '19:team@thread.tacv2';
const E3 = CONTOSO_IDS.skus.SPE_E3;
const ASSIGN = 'POST /v1.0/users/{id}/assignLicense';
const APPROVER = { id: CONTOSO_IDS.adminUserId, name: 'Megan Bowen' };

type InvokeBody = { statusCode: number; type: string; value: Record<string, unknown> };

/** Issue #14's done-when, in the demo tenant, through the real composition root and /api/messages. */
describe('Reclaim in the demo tenant, end to end', function () {
  this.timeout(60_000);
  let harness: Harness;

  async function start(env: Record<string, string>): Promise<void> {
    // The leader's tick runs the reclaim scan (nothing stored yet), then raises the reclaim cards.
    harness = await startHarness({ ADMIN_USER_IDS: CONTOSO_IDS.adminUserId, RESERVATION_SUGGESTIONS: 'off', RECLAIM_EXCLUDE_GROUP_ID: CONTOSO_IDS.reclaimExcludeGroupId, ...env });
    await watchChannel(harness.headroom.store, harness.connector.url, CHANNEL);
  }

  afterEach(async () => {
    await harness.stop();
  });

  async function invoke(verb: string, data: unknown, user: { id: string; name: string }): Promise<InvokeBody> {
    const { status, body } = await harness.send({
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
      conversationType: 'channel',
      conversationId: CHANNEL,
      teamId: TEAM_ID,
      userAadObjectId: user.id,
      userName: user.name,
    });
    assert.equal(status, 200);
    return JSON.parse(body) as InvokeBody;
  }

  async function e3(): Promise<{ shortfall: number | null; waiting: number | null }> {
    const { figures } = await harness.headroom.licenses.figures({ fresh: true });
    const sku = figures.find((f) => f.skuId === E3);
    return { shortfall: sku?.shortfall ?? null, waiting: sku?.waiting ?? null };
  }

  function reclaimCards(): string[] {
    return harness.connector
      .sent()
      .map((call) => cardText((call.body.attachments as { content: unknown }[] | undefined)?.[0]?.content))
      .filter((text) => text.includes('Reclaim before you buy'));
  }

  it('posts one reclaim card for short E3, frees exactly the direct seats of leavers once on approval, reprocesses the waiting groups, and the shortfall is gone', async () => {
    await start({ RECLAIM_ACTIONS: 'on' });
    const before = await e3();
    assert.ok((before.shortfall ?? 0) > 0, `E3 starts short: ${JSON.stringify(before)}`);

    await harness.headroom.watcher.tickOnce();
    await harness.headroom.outbox.runOnce();
    await harness.headroom.watcher.tickOnce();
    await harness.headroom.outbox.runOnce();

    const cards = reclaimCards();
    assert.equal(cards.length, 1, 'one card per SKU and channel, not one per tick');
    assert.match(cards[0] ?? '', /Former Employee 01/);
    const [request] = await harness.headroom.store.listReclaimRequests({ skuId: E3, statuses: ['open'] });
    assert.ok(request);
    const direct = request.seats.filter((seat) => seat.assignedBy === 'direct').map((seat) => seat.userId);
    assert.ok(direct.length > (before.shortfall ?? 0));

    const answer = await invoke(RECLAIM_VERBS.approve, { requestId: request.id }, APPROVER);
    assert.equal(answer.type, 'application/vnd.microsoft.card.adaptive', JSON.stringify(answer));
    for (let i = 0; i < 100 && (await harness.headroom.store.getReclaimRequest(request.id))?.status !== 'done'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    assert.equal((await harness.headroom.store.getReclaimRequest(request.id))?.status, 'done');
    assert.equal(harness.graph.stats.byEndpoint[ASSIGN], direct.length, 'each direct seat once');
    for (const userId of direct) {
      const states = harness.graph.tenant.findUser(userId)?.licenseAssignmentStates ?? [];
      assert.ok(!states.some((s) => s.skuId === E3 && s.assignedByGroup === null), `${userId} no longer holds E3 directly`);
    }
    const reprocessed = await harness.headroom.store.listReprocessIntents({ source: `reclaim:${request.id}` });
    assert.deepEqual(reprocessed.map((r) => r.groupId).sort(), [CONTOSO_IDS.contractorsGroupId, CONTOSO_IDS.tempStaffGroupId].sort());
    assert.ok(reprocessed.every((r) => r.state === 'done'), JSON.stringify(reprocessed));
    const updated = harness.connector.updates().map((call) => cardText((call.body.attachments as { content: unknown }[] | undefined)?.[0]?.content));
    assert.match(updated.at(-1) ?? '', new RegExp(`Done: ${direct.length} seats freed`));

    const after = await e3();
    assert.deepEqual(after, { shortfall: 0, waiting: 0 });
    const sentBefore = harness.connector.sent().length;
    await harness.headroom.watcher.tickOnce();
    await harness.headroom.outbox.runOnce();
    await harness.headroom.watcher.tickOnce();
    await harness.headroom.outbox.runOnce();
    const told = harness.connector
      .sent()
      .slice(sentBefore)
      .map((call) => cardText((call.body.attachments as { content: unknown }[] | undefined)?.[0]?.content))
      .filter((text) => text.includes('Microsoft 365 E3'));
    assert.equal(told.length, 1, `the channel is told once: ${told.join('\n---\n')}`);
    assert.match(told[0] ?? '', /No one is waiting for a seat any more/);
    assert.equal(harness.graph.stats.byEndpoint[ASSIGN], direct.length, 'later ticks remove nothing');
  });

  it('over /api/messages: refuses a non-approver, and of two approvers clicking at once one reclaims, once', async () => {
    await start({ RECLAIM_ACTIONS: 'on', ADMIN_USER_IDS: `${CONTOSO_IDS.adminUserId},${CONTOSO_IDS.approverUserId}` });
    await harness.headroom.watcher.tickOnce();
    const [request] = await harness.headroom.store.listReclaimRequests({ skuId: E3, statuses: ['open'] });
    assert.ok(request);

    const refused = await invoke(RECLAIM_VERBS.approve, { requestId: request.id }, { id: CONTOSO_IDS.regularUserId, name: 'Adele Vance' });
    assert.equal(refused.statusCode, 403);
    assert.match(String(refused.value.message), /Only license approvers can reclaim seats\. Nothing was changed\./);
    assert.equal((await harness.headroom.store.getReclaimRequest(request.id))?.status, 'open');

    const answers = await Promise.all([
      invoke(RECLAIM_VERBS.approve, { requestId: request.id }, APPROVER),
      invoke(RECLAIM_VERBS.approve, { requestId: request.id }, { id: CONTOSO_IDS.approverUserId, name: 'Alex Wilber' }),
    ]);
    for (let i = 0; i < 100 && (await harness.headroom.store.getReclaimRequest(request.id))?.status !== 'done'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    const texts = answers.map((answer) => cardText(answer.value));
    assert.equal(texts.filter((text) => /Already approved by (Megan Bowen|Alex Wilber) at/.test(text)).length, 1, texts.join('\n---\n'));
    const approvals = (await harness.headroom.store.listReclaimAudit(request.id)).filter((a) => a.action === 'approved');
    assert.equal(approvals.length, 1);
    const direct = request.seats.filter((seat) => seat.assignedBy === 'direct').length;
    assert.equal(harness.graph.stats.byEndpoint[ASSIGN], direct);
  });

  it('without RECLAIM_ACTIONS, posts the card with no Reclaim button, says what to grant, and removes nothing', async () => {
    await start({});

    await harness.headroom.watcher.tickOnce();
    await harness.headroom.outbox.runOnce();

    const [card] = reclaimCards();
    assert.match(card ?? '', /LicenseAssignment\.ReadWrite\.All/);
    assert.match(card ?? '', /RECLAIM_ACTIONS=on/);
    const [request] = await harness.headroom.store.listReclaimRequests({ skuId: E3 });
    assert.ok(request);
    const answer = await invoke(RECLAIM_VERBS.approve, { requestId: request.id }, APPROVER);
    assert.equal(answer.statusCode, 400);
    assert.equal(harness.graph.stats.byEndpoint[ASSIGN], undefined);
  });
});
