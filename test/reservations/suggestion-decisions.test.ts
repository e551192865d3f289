import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DirectoryAccessPolicy } from '../../src/access/directory-access-policy';
import type { CardActionOutcome, CardActionRequest } from '../../src/chat/card-action';
import type { ChatReply } from '../../src/cards/chat-reply';
import type { ChannelSender } from '../../src/delivery/channel-sender';
import type { ServedFigures } from '../../src/licenses/license-service';
import { RESERVATION_VERBS } from '../../src/reservations/card-verbs';
import { SuggestionDecisions } from '../../src/reservations/suggestion-decisions';
import { createStore } from '../../src/store/create-store';
import type { Suggestion } from '../../src/reservations/suggestion';
import type { Store } from '../../src/store/store';
import { cardText } from '../support/card-text';
import { captureLogger } from '../support/capture-logger';
import { makeFigures, makeSnapshot } from '../licenses/license-factories';

const TENANT_ID = '3f6a1c2e-8b4d-4e7f-9a10-5c2b7d8e9f01';
const APPROVER = { aadObjectId: 'a1a1a1a1-0000-4000-8000-000000000001', name: 'Megan Bowen' };
const SECOND_APPROVER = { aadObjectId: 'a1a1a1a1-0000-4000-8000-000000000002', name: 'Alex Wilber' };
const REGULAR = { aadObjectId: 'b2b2b2b2-0000-4000-8000-000000000003', name: 'Regular User' };
const NOW = new Date('2026-05-01T10:42:00Z');
const WEBHOOK_URL = 'https://procurement.example.com/hooks/headroom';
const E3 = makeFigures('Microsoft 365 E3', { skuId: '05e9a617-0261-4cee-bb44-138d3ef5d965', purchased: 500, assigned: 497 });

/** A channel edge that records the card updates it was asked for. */
class RecordingChannels implements ChannelSender {
  readonly updates: { conversationId: string; activityId: string; reply: ChatReply }[] = [];
  send(): Promise<{ activityId: string }> {
    return Promise.reject(new Error('decisions never post new messages'));
  }
  update(conversationId: string, activityId: string, reply: ChatReply): Promise<void> {
    this.updates.push({ conversationId, activityId, reply });
    return Promise.resolve();
  }
}

function served(): Promise<ServedFigures> {
  return Promise.resolve({ snapshot: makeSnapshot(), stale: false, staleReason: null, figures: [E3] });
}

function cardOf(outcome: CardActionOutcome): string {
  assert.equal(outcome.kind, 'card', JSON.stringify(outcome));
  return outcome.kind === 'card' ? cardText(outcome.reply.card) : '';
}

describe('SuggestionDecisions', () => {
  let dataDir: string;
  let store: Store;
  let channels: RecordingChannels;
  let captured: ReturnType<typeof captureLogger>;
  let suggestion: Suggestion;

  function decisions(overrides: { figures?: () => Promise<ServedFigures>; approverGroupId?: string; webhookUrl?: string | null } = {}): SuggestionDecisions {
    return new SuggestionDecisions({
      store,
      access: new DirectoryAccessPolicy({
        adminUserIds: [APPROVER.aadObjectId, SECOND_APPROVER.aadObjectId],
        adminGroupId: null,
        approverGroupId: overrides.approverGroupId ?? null,
        memberChecker: { checkMemberGroups: () => Promise.reject(new Error('the directory is down')) },
      }),
      licenses: { figures: overrides.figures ?? served },
      channels,
      logger: captured.logger,
      webhookUrl: overrides.webhookUrl === undefined ? WEBHOOK_URL : overrides.webhookUrl,
      card: { refreshUserIds: [APPROVER.aadObjectId], snoozeDays: 7 },
      now: () => NOW,
    });
  }

  function click(verb: string, data: unknown, actor = APPROVER): CardActionRequest {
    return { verb, data, tenantId: TENANT_ID, actor };
  }

  beforeEach(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'headroom-decisions-'));
    captured = captureLogger();
    store = await createStore({ databaseUrl: null, dataDir }, captured.logger);
    channels = new RecordingChannels();
    suggestion = await store.createSuggestion({
      skuId: E3.skuId,
      skuPartNumber: 'SPE_E3',
      displayName: 'Microsoft 365 E3',
      quantity: 12,
      reasoning: { triggers: ['shortfall'], terms: [{ seats: 12, label: '12 users waiting in Contractors' }], total: 12 },
    });
    await store.setCardActivity(suggestion.id, '19:ops@thread.tacv2', 'activity-1');
    suggestion = (await store.getSuggestion(suggestion.id)) ?? suggestion;
  });

  afterEach(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('approves with the quantity typed into the card, records the purchased seats and enqueues the webhook in the same step', async () => {
    const outcome = await decisions().decide(click(RESERVATION_VERBS.approve, { suggestionId: suggestion.id, quantity: ' 15 ' }));

    assert.match(cardOf(outcome), /Approved by Megan Bowen at 10:42 UTC on 1 May 2026, 15 seats/);
    const after = await store.getSuggestion(suggestion.id);
    assert.deepEqual(
      [after?.status, after?.quantity, after?.decidedBy, after?.decidedByName, after?.purchasedAtApproval, after?.decidedAt],
      ['approved', 15, APPROVER.aadObjectId, 'Megan Bowen', 500, NOW.toISOString()],
    );
    const webhooks = await store.listOutbox({ kind: 'webhook' });
    assert.equal(webhooks.length, 1);
    assert.equal(webhooks[0].target, WEBHOOK_URL);
    assert.equal(webhooks[0].dedupeKey, `suggestion:${suggestion.id}:approved:webhook`);
    assert.match(JSON.stringify(webhooks[0].payload), /"quantity":15/);
  });

  it('updates every posted copy of the card after a decision', async () => {
    await decisions().decide(click(RESERVATION_VERBS.decline, { suggestionId: suggestion.id }));

    assert.deepEqual(
      channels.updates.map((update) => [update.conversationId, update.activityId]),
      [['19:ops@thread.tacv2', 'activity-1']],
    );
    assert.match(cardText(channels.updates[0].reply.card), /Declined by Megan Bowen/);
  });

  it('keeps the suggested quantity when the card sends none, and enqueues no webhook without a webhook URL', async () => {
    await decisions({ webhookUrl: null }).decide(click(RESERVATION_VERBS.approve, { suggestionId: suggestion.id }));

    assert.equal((await store.getSuggestion(suggestion.id))?.quantity, 12);
    assert.deepEqual(await store.listOutbox({ kind: 'webhook' }), []);
  });

  it('declines and snoozes, a snooze lasting the configured days', async () => {
    const second = await store.createSuggestion({ skuId: 'other-sku', skuPartNumber: 'VISIO', displayName: 'Visio', quantity: 3, reasoning: {} });

    await decisions().decide(click(RESERVATION_VERBS.decline, { suggestionId: suggestion.id }));
    await decisions().decide(click(RESERVATION_VERBS.snooze, { suggestionId: second.id }));

    assert.equal((await store.getSuggestion(suggestion.id))?.status, 'declined');
    const snoozed = await store.getSuggestion(second.id);
    assert.equal(snoozed?.status, 'snoozed');
    assert.equal(snoozed?.snoozedUntil, '2026-05-08T10:42:00.000Z');
  });

  it('refuses someone who is not an approver with a 403 and changes nothing', async () => {
    const outcome = await decisions().decide(click(RESERVATION_VERBS.approve, { suggestionId: suggestion.id, quantity: '15' }, REGULAR));

    assert.equal(outcome.kind, 'error');
    assert.deepEqual(outcome.kind === 'error' ? [outcome.statusCode, outcome.code] : [], [403, 'Forbidden']);
    assert.match(outcome.kind === 'error' ? outcome.message : '', /Only license approvers can approve/);
    const after = await store.getSuggestion(suggestion.id);
    assert.deepEqual([after?.status, after?.version], ['proposed', suggestion.version]);
    assert.deepEqual(channels.updates, []);
  });

  it('takes identity from the channel, never from the card data', async () => {
    const outcome = await decisions().decide(
      click(RESERVATION_VERBS.approve, { suggestionId: suggestion.id, aadObjectId: APPROVER.aadObjectId, actor: APPROVER, isApprover: true }, REGULAR),
    );

    assert.equal(outcome.kind, 'error');
    assert.equal((await store.getSuggestion(suggestion.id))?.status, 'proposed');
  });

  it('answers 503 and changes nothing when approver membership cannot be checked', async () => {
    const outcome = await decisions({ approverGroupId: 'c3c3c3c3-0000-4000-8000-000000000009' }).decide(
      click(RESERVATION_VERBS.approve, { suggestionId: suggestion.id }, REGULAR),
    );

    assert.deepEqual(outcome.kind === 'error' ? outcome.statusCode : outcome.kind, 503);
    assert.equal((await store.getSuggestion(suggestion.id))?.status, 'proposed');
  });

  it('shows the second approver who decided first and when, and changes nothing', async () => {
    await decisions().decide(click(RESERVATION_VERBS.approve, { suggestionId: suggestion.id, quantity: '15' }));
    const decided = await store.getSuggestion(suggestion.id);

    const outcome = await decisions().decide(click(RESERVATION_VERBS.decline, { suggestionId: suggestion.id }, SECOND_APPROVER));

    assert.match(cardOf(outcome), /Already approved by Megan Bowen at 10:42 UTC on 1 May 2026\. Nothing was changed\./);
    const after = await store.getSuggestion(suggestion.id);
    assert.deepEqual([after?.status, after?.version], ['approved', decided?.version]);
  });

  it('refreshes the card for anyone, without an approver check', async () => {
    const outcome = await decisions({ approverGroupId: 'c3c3c3c3-0000-4000-8000-000000000009' }).decide(
      click(RESERVATION_VERBS.refresh, { suggestionId: suggestion.id }, REGULAR),
    );

    assert.match(cardOf(outcome), /Waiting for an approver/);
  });

  it('refuses malformed ids, unknown suggestions, bad quantities and unknown verbs, changing nothing', async () => {
    const cases: [CardActionRequest, number][] = [
      [click(RESERVATION_VERBS.approve, { suggestionId: { $ne: null } }), 400],
      [click(RESERVATION_VERBS.approve, { suggestionId: 'x'.repeat(101) }), 400],
      [click(RESERVATION_VERBS.approve, 'not an object'), 400],
      [click(RESERVATION_VERBS.approve, { suggestionId: '00000000-0000-4000-8000-000000000000' }), 404],
      [click(RESERVATION_VERBS.approve, { suggestionId: suggestion.id, quantity: '1.5' }), 400],
      [click(RESERVATION_VERBS.approve, { suggestionId: suggestion.id, quantity: '100001' }), 400],
      [click(RESERVATION_VERBS.approve, { suggestionId: suggestion.id, quantity: 'lots' }), 400],
      [click('reservation.delete', { suggestionId: suggestion.id }), 400],
    ];

    for (const [request, status] of cases) {
      const outcome = await decisions().decide(request);
      assert.equal(outcome.kind === 'error' ? outcome.statusCode : outcome.kind, status, JSON.stringify(request.data));
    }
    const after = await store.getSuggestion(suggestion.id);
    assert.deepEqual([after?.status, after?.version], ['proposed', suggestion.version]);
    assert.deepEqual(await store.listOutbox(), []);
  });

  it('still approves when the purchased seats cannot be read, leaving them unknown rather than 0', async () => {
    const outcome = await decisions({ figures: () => Promise.reject(new Error('Graph is down')) }).decide(
      click(RESERVATION_VERBS.approve, { suggestionId: suggestion.id }),
    );

    assert.equal(outcome.kind, 'card');
    const after = await store.getSuggestion(suggestion.id);
    assert.deepEqual([after?.status, after?.purchasedAtApproval], ['approved', null]);
    assert.ok(captured.lines.some((line) => line.level === 'warn' && /could not read purchased seats/.test(String(line.msg))));
  });
});
