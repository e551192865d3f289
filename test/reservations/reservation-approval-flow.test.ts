import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { CONTOSO_IDS } from '../../src/demo-tenant/contoso-tenant';
import { RESERVATION_VERBS } from '../../src/reservations/card-verbs';
import type { Suggestion } from '../../src/reservations/suggestion';
import { cardText } from '../support/card-text';
import { startHarness, type Harness } from '../support/headroom-harness';
import type { ConnectorCall } from '../support/local-connector';
import { watchChannel, reenableLeavers } from '../support/watched-channel';
import { WebhookReceiver } from '../support/webhook-receiver';

const CHANNEL = '19:licensing@thread.tacv2';
const TEAM_ID = '19:team@thread.tacv2';
const API_KEY = 'k'.repeat(40);
const SECRET = 'reservation-webhook-secret-0123456789';
const E3 = 'SPE_E3';

const APPROVER = { id: CONTOSO_IDS.approverUserId, name: 'Alex Wilber' };
const NESTED_APPROVER = { id: CONTOSO_IDS.nestedApproverUserId, name: 'Lidia Holloway' };
const REGULAR = { id: CONTOSO_IDS.regularUserId, name: 'Adele Vance' };

interface InvokeAnswer {
  status: number;
  body: { statusCode: number; type: string; value: Record<string, unknown> };
}

function cardOf(call: ConnectorCall): Record<string, unknown> {
  const attachments = call.body.attachments as { content: Record<string, unknown> }[];
  return attachments[0].content;
}

describe('reservation suggestions, end to end', function () {
  this.timeout(10_000);
  let harness: Harness;
  let receiver: WebhookReceiver;

  beforeEach(async () => {
    receiver = await new WebhookReceiver().start();
    harness = await startHarness({
      APPROVER_GROUP_ID: CONTOSO_IDS.approverGroupId,
      ADMIN_USER_IDS: CONTOSO_IDS.adminUserId,
      HEADROOM_API_KEY: API_KEY,
      RESERVATION_WEBHOOK_URL: receiver.url,
      RESERVATION_WEBHOOK_SECRET: SECRET,
    });
    // Contoso's leavers would cover E3's need (a reclaim, tested in test/reclaim): here nobody has left.
    reenableLeavers(harness.graph.tenant);
    await watchChannel(harness.headroom.store, harness.connector.url, CHANNEL);
  });

  afterEach(async () => {
    await harness.stop();
    await receiver.stop();
  });

  async function e3Suggestion(): Promise<Suggestion> {
    const open = await harness.headroom.store.listSuggestions({ statuses: ['proposed', 'approved'] });
    const found = open.find((suggestion) => suggestion.skuPartNumber === E3);
    assert.ok(found, `no open E3 suggestion among ${open.map((s) => s.skuPartNumber).join(', ')}`);
    return found;
  }

  async function invoke(verb: string, data: unknown, user: { id: string; name: string }, value?: unknown): Promise<InvokeAnswer> {
    const { status, body } = await harness.send({
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: value ?? { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
      conversationType: 'channel',
      conversationId: CHANNEL,
      teamId: TEAM_ID,
      userAadObjectId: user.id,
      userName: user.name,
    });
    return { status, body: JSON.parse(body) as InvokeAnswer['body'] };
  }

  it('posts a suggestion card for a SKU with users waiting to the watched channel, once', async () => {
    await harness.headroom.watcher.tickOnce();
    await harness.headroom.watcher.tickOnce();

    const suggestion = await e3Suggestion();
    const cards = harness.connector.sent().filter((call) => cardText(cardOf(call)).includes('Reservation suggestion') && cardText(cardOf(call)).includes('Microsoft 365 E3'));
    assert.equal(cards.length, 1);
    assert.equal(cards[0].conversationId, CHANNEL);
    assert.match(cardText(cardOf(cards[0])), /5 users waiting in Contractors and Temp Staff/);
    assert.deepEqual(suggestion.cardActivities, { [CHANNEL]: cards[0].assignedId });
  });

  it('queues the card as a suggestion-card message carrying only the suggestion id, and its own sender posts it', async () => {
    await harness.headroom.watcher.tickOnce();

    const suggestion = await e3Suggestion();
    const queued = await harness.headroom.store.listOutbox({ kind: 'suggestion-card' });
    const e3 = queued.filter((m) => (m.payload as { suggestionId?: unknown }).suggestionId === suggestion.id);
    assert.deepEqual(
      e3.map((m) => [m.target, m.payload, m.sentAt !== null, m.activityId]),
      [[CHANNEL, { suggestionId: suggestion.id }, true, suggestion.cardActivities[CHANNEL]]],
    );
    const posted = harness.connector.sent().find((call) => call.assignedId === suggestion.cardActivities[CHANNEL]);
    assert.ok(posted);
    assert.match(cardText(cardOf(posted)), /Reservation suggestion Microsoft 365 E3 /);
    const channelRows = await harness.headroom.store.listOutbox({ kind: 'channel' });
    assert.ok(channelRows.every((m) => !String(m.dedupeKey).includes(`suggestion:${suggestion.id}:post`)));
  });

  it('delivers a plain channel message as queued, even one whose payload names a suggestion', async () => {
    await harness.headroom.watcher.tickOnce();
    const suggestion = await e3Suggestion();
    const card = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'A plain channel note' }] };

    await harness.headroom.store.enqueueOutbox([
      { kind: 'channel', target: CHANNEL, payload: { suggestionId: suggestion.id, card, summary: 'plain note' }, dedupeKey: 'plain:note' },
    ]);
    await harness.headroom.outbox.runOnce();

    const [row] = await harness.headroom.store.listOutbox({ kind: 'channel' }).then((rows) => rows.filter((m) => m.dedupeKey === 'plain:note'));
    assert.ok(row);
    assert.notEqual(row.sentAt, null);
    const posted = harness.connector.sent().find((call) => call.assignedId === row.activityId);
    assert.ok(posted);
    assert.equal(cardText(cardOf(posted)), 'A plain channel note');
    assert.deepEqual((await harness.headroom.store.getSuggestion(suggestion.id))?.cardActivities, suggestion.cardActivities);
  });

  it('gives up on a suggestion-card message naming no stored suggestion, posting nothing', async () => {
    const before = harness.connector.sent().length;

    await harness.headroom.store.enqueueOutbox([
      { kind: 'suggestion-card', target: CHANNEL, payload: { suggestionId: 'no-such-suggestion' }, dedupeKey: 'card:unknown' },
      { kind: 'suggestion-card', target: CHANNEL, payload: { card: {} }, dedupeKey: 'card:no-id' },
    ]);
    await harness.headroom.outbox.runOnce();

    const rows = (await harness.headroom.store.listOutbox({ kind: 'suggestion-card' })).filter((m) => m.dedupeKey.startsWith('card:'));
    assert.deepEqual(rows.map((m) => [m.dedupeKey, m.deadAt !== null, m.sentAt]).sort(), [
      ['card:no-id', true, null],
      ['card:unknown', true, null],
    ]);
    assert.equal(harness.connector.sent().length, before);
  });

  it('updates the open suggestion and its posted card in place when the figures change', async () => {
    await harness.headroom.watcher.tickOnce();
    const before = await e3Suggestion();
    harness.graph.tenant.addWaitingUser(CONTOSO_IDS.contractorsGroupId, E3);

    await harness.headroom.watcher.tickOnce();

    const after = await e3Suggestion();
    assert.equal(after.id, before.id);
    assert.equal(after.quantity, before.quantity + 1);
    assert.match(cardText(cardOf(harness.connector.updates()[0])), /6 users waiting/);
    assert.equal(harness.connector.updates()[0].activityId, before.cardActivities[CHANNEL]);
    const e3Posts = harness.connector.sent().filter((call) => /Reservation suggestion Microsoft 365 E3 /.test(cardText(cardOf(call))));
    assert.equal(e3Posts.length, 1);
  });

  it('expires an undecided suggestion once the need is gone, and says so on the card', async () => {
    await harness.headroom.watcher.tickOnce();
    const before = await e3Suggestion();
    harness.graph.tenant.removeWaitingUsers(E3);
    harness.graph.tenant.updateSku(E3, { consumedUnits: 250 });

    await harness.headroom.watcher.tickOnce();

    assert.equal((await harness.headroom.store.getSuggestion(before.id))?.status, 'expired');
    const update = harness.connector.updates().find((call) => call.activityId === before.cardActivities[CHANNEL]);
    assert.ok(update);
    assert.match(cardText(cardOf(update)), /Withdrawn: the need went away before a decision/);
  });

  it('refuses a non-approver with an error body over HTTP 200 and changes nothing', async () => {
    await harness.headroom.watcher.tickOnce();
    const before = await e3Suggestion();

    const answer = await invoke(RESERVATION_VERBS.approve, { suggestionId: before.id, quantity: '15' }, REGULAR);

    assert.equal(answer.status, 200);
    assert.equal(answer.body.statusCode, 403);
    assert.equal(answer.body.type, 'application/vnd.microsoft.error');
    assert.match(String(answer.body.value.message), /only license approvers can approve/i);
    const after = await harness.headroom.store.getSuggestion(before.id);
    assert.equal(after?.status, 'proposed');
    assert.equal(after?.version, before.version);
    assert.deepEqual(harness.connector.updates(), []);
  });

  it('approves exactly once when two approvers click at the same time; the second sees who won', async () => {
    await harness.headroom.watcher.tickOnce();
    const suggestion = await e3Suggestion();

    const answers = await Promise.all([
      invoke(RESERVATION_VERBS.approve, { suggestionId: suggestion.id, quantity: '15' }, APPROVER),
      invoke(RESERVATION_VERBS.approve, { suggestionId: suggestion.id, quantity: '16' }, NESTED_APPROVER),
    ]);

    assert.deepEqual(answers.map((answer) => [answer.status, answer.body.statusCode]), [[200, 200], [200, 200]]);
    const audit = await harness.headroom.store.listAudit(suggestion.id);
    const approvals = audit.filter((entry) => entry.action === 'approved');
    assert.equal(approvals.length, 1);
    const winner = approvals[0].actorName;
    const texts = answers.map((answer) => cardText(answer.body.value));
    const losers = texts.filter((text) => text.includes(`Already approved by ${winner} at`));
    assert.equal(losers.length, 1, texts.join('\n---\n'));
    assert.equal((await harness.headroom.store.getSuggestion(suggestion.id))?.quantity, winner === APPROVER.name ? 15 : 16);
    assert.equal((await harness.headroom.store.listOutbox({ kind: 'webhook' })).length, 1);
  });

  it('approves, updates the posted card, fires the signed webhook and lists it in the API', async () => {
    await harness.headroom.watcher.tickOnce();
    const suggestion = await e3Suggestion();

    const answer = await invoke(RESERVATION_VERBS.approve, { suggestionId: suggestion.id, quantity: '15' }, NESTED_APPROVER);
    await harness.headroom.outbox.runOnce();

    assert.equal(answer.body.type, 'application/vnd.microsoft.card.adaptive');
    assert.match(cardText(answer.body.value), /Approved by Lidia Holloway at \d\d:\d\d UTC/);
    const updates = harness.connector.updates();
    assert.equal(updates.length, 1);
    assert.equal(updates[0].activityId, suggestion.cardActivities[CHANNEL]);
    assert.match(cardText(cardOf(updates[0])), /Approved by Lidia Holloway/);
    assert.match(cardText(cardOf(updates[0])), /admin center/);

    assert.equal(receiver.received.length, 1);
    const delivery = receiver.received[0];
    const expected = `sha256=${createHmac('sha256', SECRET).update(delivery.body).digest('hex')}`;
    assert.equal(delivery.headers['x-headroom-signature'], expected);
    const payload = JSON.parse(delivery.body) as Record<string, unknown>;
    assert.equal(payload.suggestionId, suggestion.id);
    assert.equal(payload.tenant, CONTOSO_IDS.tenantId);
    assert.equal(payload.skuId, suggestion.skuId);
    assert.equal(payload.skuPartNumber, E3);
    assert.equal(payload.displayName, 'Microsoft 365 E3');
    assert.equal(payload.quantity, 15);
    assert.match(String(payload.reasoning), /^5 users waiting in Contractors and Temp Staff .*= \d+(?: \(\d+ more on accounts inactive for 90\+ days: check those first\))?$/);
    assert.deepEqual(payload.approver, { id: NESTED_APPROVER.id, name: NESTED_APPROVER.name });
    assert.ok(typeof payload.approvedAt === 'string' && !Number.isNaN(Date.parse(payload.approvedAt)));

    const response = await fetch(`${harness.headroom.url}/api/v1/suggestions`, { headers: { authorization: `Bearer ${API_KEY}` } });
    const listed = (await response.json()) as { suggestions: Record<string, unknown>[] };
    assert.equal(response.status, 200);
    const entry = listed.suggestions.find((item) => item.id === suggestion.id);
    assert.ok(entry);
    assert.deepEqual(Object.keys(entry).sort(), ['createdAt', 'decidedAt', 'decidedBy', 'displayName', 'history', 'id', 'quantity', 'reasoning', 'skuId', 'skuPartNumber', 'status'].sort());
    assert.equal(entry.status, 'approved');
    assert.equal(entry.decidedBy, NESTED_APPROVER.name);
    const history = entry.history as Record<string, unknown>[];
    assert.deepEqual(history.map((row) => [row.actor, row.action]), [['headroom', 'proposed'], [NESTED_APPROVER.name, 'approved']]);
    assert.deepEqual(Object.keys(history[1]).sort(), ['action', 'actor', 'at', 'quantity']);
    assert.equal(history[1].quantity, 15);
  });

  it('marks an approval fulfilled once purchased seats rise by the approved quantity, and tells the channel once', async () => {
    await harness.headroom.watcher.tickOnce();
    const suggestion = await e3Suggestion();
    await invoke(RESERVATION_VERBS.approve, { suggestionId: suggestion.id, quantity: '15' }, APPROVER);

    harness.graph.tenant.updateSku(E3, { enabled: 514 });
    await harness.headroom.watcher.tickOnce();
    const notYet = await harness.headroom.store.getSuggestion(suggestion.id);
    harness.graph.tenant.updateSku(E3, { enabled: 515 });
    await harness.headroom.watcher.tickOnce();
    await harness.headroom.watcher.tickOnce();

    assert.equal(notYet?.status, 'approved');
    assert.equal((await harness.headroom.store.getSuggestion(suggestion.id))?.status, 'fulfilled');
    const told = harness.connector.sent().filter((call) => cardText(cardOf(call)).includes('Seats arrived'));
    assert.equal(told.length, 1);
    assert.match(cardText(cardOf(told[0])), /from 500 to 515, covering the 15 seats approved by Alex Wilber/);
  });

  it('declines and snoozes through the same conditional transition', async () => {
    await harness.headroom.watcher.tickOnce();
    const [first, second] = await harness.headroom.store.listSuggestions({ statuses: ['proposed'] });
    assert.ok(first && second, 'Contoso should have two SKUs needing seats');

    await invoke(RESERVATION_VERBS.decline, { suggestionId: first.id, quantity: 'not used' }, APPROVER);
    await invoke(RESERVATION_VERBS.snooze, { suggestionId: second.id }, APPROVER);

    const declined = await harness.headroom.store.getSuggestion(first.id);
    const snoozed = await harness.headroom.store.getSuggestion(second.id);
    assert.equal(declined?.status, 'declined');
    assert.equal(declined?.decidedBy, APPROVER.id);
    assert.equal(snoozed?.status, 'snoozed');
    const days = (Date.parse(snoozed?.snoozedUntil ?? '') - Date.parse(snoozed?.decidedAt ?? '')) / 86_400_000;
    assert.equal(days, 7);
    assert.equal((await harness.headroom.store.listOutbox({ kind: 'webhook' })).length, 0);
  });

  it('answers tampered card data with an error body and changes nothing', async () => {
    await harness.headroom.watcher.tickOnce();
    const suggestion = await e3Suggestion();

    const unknownId = await invoke(RESERVATION_VERBS.approve, { suggestionId: '00000000-0000-4000-8000-000000000000' }, APPROVER);
    const badId = await invoke(RESERVATION_VERBS.approve, { suggestionId: { $ne: null } }, APPROVER);
    const quantities = await Promise.all(
      ['1.5', '-3', 'abc', 0, '100001'].map((quantity) => invoke(RESERVATION_VERBS.approve, { suggestionId: suggestion.id, quantity }, APPROVER)),
    );
    const malformed = await invoke('', undefined, APPROVER, { nothing: 'here' });

    assert.deepEqual([unknownId.status, unknownId.body.statusCode], [200, 404]);
    assert.deepEqual([badId.status, badId.body.statusCode], [200, 400]);
    assert.deepEqual(quantities.map((answer) => [answer.status, answer.body.statusCode]), Array.from({ length: 5 }, () => [200, 400]));
    assert.match(String(quantities[0].body.value.message), /whole number from 1 to 100,000/);
    assert.deepEqual([malformed.status, malformed.body.statusCode, malformed.body.type], [200, 400, 'application/vnd.microsoft.error']);
    assert.equal((await harness.headroom.store.getSuggestion(suggestion.id))?.status, 'proposed');
  });

  it('ignores extra card data that claims another approver', async () => {
    await harness.headroom.watcher.tickOnce();
    const suggestion = await e3Suggestion();
    const claims = { suggestionId: suggestion.id, quantity: '15', decidedBy: CONTOSO_IDS.adminUserId, approver: CONTOSO_IDS.adminUserId, from: { aadObjectId: CONTOSO_IDS.adminUserId } };

    const refused = await invoke(RESERVATION_VERBS.approve, claims, REGULAR);
    const accepted = await invoke(RESERVATION_VERBS.approve, claims, APPROVER);

    assert.equal(refused.body.statusCode, 403);
    assert.equal(accepted.body.statusCode, 200);
    const approved = await harness.headroom.store.getSuggestion(suggestion.id);
    assert.equal(approved?.decidedBy, APPROVER.id);
    assert.equal(approved?.decidedByName, APPROVER.name);
  });

  it('answers the refresh verb with the current card for anyone in the tenant', async () => {
    await harness.headroom.watcher.tickOnce();
    const suggestion = await e3Suggestion();
    await invoke(RESERVATION_VERBS.approve, { suggestionId: suggestion.id }, APPROVER);

    const refreshed = await invoke(RESERVATION_VERBS.refresh, { suggestionId: suggestion.id }, REGULAR);

    assert.equal(refreshed.body.statusCode, 200);
    assert.match(cardText(refreshed.body.value), /Approved by Alex Wilber/);
  });

  it('handles the Action.Submit fallback as a decision and updates the clicked card', async () => {
    await harness.headroom.watcher.tickOnce();
    const suggestion = await e3Suggestion();
    const activityId = suggestion.cardActivities[CHANNEL];

    const { status } = await harness.send({
      text: '',
      value: { verb: RESERVATION_VERBS.approve, suggestionId: suggestion.id, quantity: '12' },
      conversationType: 'channel',
      conversationId: CHANNEL,
      teamId: TEAM_ID,
      userAadObjectId: APPROVER.id,
      userName: APPROVER.name,
      activity: { replyToId: activityId },
    });

    assert.equal(status, 200);
    const approved = await harness.headroom.store.getSuggestion(suggestion.id);
    assert.equal(approved?.status, 'approved');
    assert.equal(approved?.quantity, 12);
    assert.ok(harness.connector.updates().some((call) => call.activityId === activityId));
  });

  it('lists open suggestions for the reservations command', async () => {
    await harness.headroom.watcher.tickOnce();

    const { card, summary } = await harness.ask('reservations');

    assert.match(cardText(card), /Microsoft 365 E3/);
    assert.match(cardText(card), /Waiting for an approver/);
    assert.match(summary, /open/);
  });
});

describe('reservation suggestions turned off', function () {
  this.timeout(10_000);

  it('suggests nothing with RESERVATION_SUGGESTIONS=off', async () => {
    const harness = await startHarness({ RESERVATION_SUGGESTIONS: 'off' });
    try {
      await watchChannel(harness.headroom.store, harness.connector.url, CHANNEL);

      await harness.headroom.watcher.tickOnce();

      assert.deepEqual(await harness.headroom.store.listSuggestions(), []);
    } finally {
      await harness.stop();
    }
  });
});
