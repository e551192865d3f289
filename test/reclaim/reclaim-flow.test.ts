import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CardActionOutcome } from '../../src/chat/card-action';
import { CONTOSO_IDS } from '../../src/demo-tenant/contoso-tenant';
import { RECLAIM_VERBS } from '../../src/reclaim/card-verbs';
import { reclaimCardOutboxSender } from '../../src/reclaim/reclaim-card-outbox-sender';
import type { ReclaimRequest } from '../../src/reclaim/reclaim-request';
import { PostgresStore } from '../../src/store/postgres-store';
import { SqliteStore } from '../../src/store/sqlite-store';
import type { Store } from '../../src/store/store';
import { cardText } from '../support/card-text';
import { requirePostgres, type TestDatabase } from '../support/postgres';
import { APPROVER, BEN, CECIL, E3, REGULAR, SECOND_APPROVER, startReclaimRig, type ReclaimRig } from './reclaim-rig';

const ASSIGN = 'POST /v1.0/users/{id}/assignLicense';
const PLACES = ['19:general@thread.tacv2', '19:licensing@thread.tacv2'];

function click(verb: string, requestId: string, actor: { aadObjectId: string; name: string }) {
  return { verb, data: { requestId }, tenantId: CONTOSO_IDS.tenantId, actor };
}

function textOf(outcome: CardActionOutcome): string {
  assert.equal(outcome.kind, 'card', JSON.stringify(outcome));
  return outcome.kind === 'card' ? cardText(outcome.reply.card) : '';
}

function describeOn(name: string, open: () => Promise<() => Store>): void {
  describe(`the reclaim flow on ${name}`, function () {
    this.timeout(30_000);
    let now = new Date('2026-05-01T10:00:00.000Z');
    let openStore: () => Store;
    let stores: Store[];
    let store: Store;
    let rig: ReclaimRig;

    beforeEach(async function () {
      now = new Date('2026-05-01T10:00:00.000Z');
      openStore = await open();
      store = openStore();
      stores = [store];
      await store.migrate();
      for (const conversationId of PLACES) {
        await store.watchPlace({ conversationId, addedBy: APPROVER.aadObjectId, kind: 'channel' });
      }
      rig = await startReclaimRig(store, () => now);
    });

    afterEach(async function () {
      await rig.feature.executor?.idle();
      for (const s of stores) {
        await s.close();
      }
      await rig.server.close();
    });

    /** Runs a tick and delivers the queued reclaim cards, as the outbox would. */
    async function tickAndDeliver(): Promise<ReclaimRequest> {
      await rig.feature.hook(await rig.tick());
      const send = reclaimCardOutboxSender({ channels: rig.channels, store, card: { refreshUserIds: [], actionsEnabled: true } });
      const claimed = await store.claimDueOutbox(now.toISOString(), 50, 'test', 60_000);
      for (const m of claimed.filter((c) => c.kind === 'reclaim-card')) {
        const { activityId } = await send(m);
        await store.markOutboxSent(m.id, 'test', activityId ?? null);
      }
      const [request] = await store.listReclaimRequests({ skuId: E3 });
      assert.ok(request, 'a reclaim request for E3');
      return request;
    }

    it('raises one card per watched channel for a short SKU with leavers, and keeps it in place across ticks', async function () {
      const first = await tickAndDeliver();
      const second = await tickAndDeliver();

      assert.equal(second.id, first.id);
      assert.equal(second.version, first.version);
      assert.deepEqual((await store.listOutbox({ kind: 'reclaim-card' })).map((m) => m.target).sort(), PLACES);
      assert.equal(rig.channels.sent.length, 2);
      assert.deepEqual(Object.keys(second.cardActivities).sort(), PLACES);
      const text = cardText(rig.channels.sent[0]?.reply.card);
      assert.match(text, /Ben Walters/);
      assert.match(text, /Take them out of M365 E3 Standard/);
      assert.match(text, /Reclaim/);
    });

    it('updates every posted copy in place when the seats change, without posting again', async function () {
      await tickAndDeliver();
      const scan = await rig.scans.latestReclaimScan();
      assert.ok(scan);
      await rig.scans.saveReclaimScan({ ...scan, candidates: scan.candidates.filter((c) => c.userId !== CECIL) });

      const updated = await tickAndDeliver();

      assert.equal(updated.version, 2);
      assert.equal(rig.channels.sent.length, 2);
      assert.deepEqual(rig.channels.updates.map((u) => u.conversationId).sort(), PLACES);
      assert.doesNotMatch(cardText(rig.channels.updates[0]?.reply.card), /Cecil Folk/);
    });

    it('refuses a user who is not an approver and changes nothing', async function () {
      const request = await tickAndDeliver();

      const outcome = await rig.feature.decisions.decide(click(RECLAIM_VERBS.approve, request.id, REGULAR));

      assert.equal(outcome.kind, 'error');
      assert.equal(outcome.kind === 'error' ? outcome.statusCode : 0, 403);
      assert.equal((await store.getReclaimRequest(request.id))?.status, 'open');
      assert.deepEqual(await store.listRemovalIntents(request.id), []);
      assert.equal(rig.server.stats.byEndpoint[ASSIGN], undefined);
    });

    it('lets one of two simultaneous approvals reclaim, removing each direct seat once and showing Graph errors per user', async function () {
      const request = await tickAndDeliver();
      const other = rig.anotherInstance();

      const outcomes = await Promise.all([
        rig.feature.decisions.decide(click(RECLAIM_VERBS.approve, request.id, APPROVER)),
        other.decisions.decide(click(RECLAIM_VERBS.approve, request.id, SECOND_APPROVER)),
      ]);
      await Promise.all([rig.feature.executor?.idle(), other.executor?.idle()]);

      const texts = outcomes.map(textOf);
      assert.equal(texts.filter((t) => /Already approved by/.test(t)).length, 1, texts.join('\n---\n'));
      assert.equal(rig.server.stats.byEndpoint[ASSIGN], 2, 'one call for Ben Walters, one for Cecil Folk');
      const holdsDirectly = (userId: string) => rig.server.tenant.findUser(userId)?.licenseAssignmentStates.some((s) => s.skuId === E3 && s.assignedByGroup === null);
      assert.equal(holdsDirectly(BEN), false);
      assert.equal(holdsDirectly(CECIL), true);
      const done = await store.getReclaimRequest(request.id);
      assert.equal(done?.status, 'done');
      const removals = await store.listRemovalIntents(request.id);
      assert.deepEqual(
        removals.map((r) => [r.userId, r.state]),
        [
          [BEN, 'done'],
          [CECIL, 'failed'],
        ],
      );
      // Graph refuses to break a service plan dependency with a 400 and says so in the message.
      assert.equal(removals[1]?.errorCode, 'Request_BadRequest');
      assert.match(removals[1]?.errorMessage ?? '', /depends on the service plan/);
      const last = rig.channels.updates.slice(-2);
      assert.deepEqual(last.map((u) => u.conversationId).sort(), PLACES);
      const finalText = cardText(last[0]?.reply.card);
      assert.match(finalText, /Removed: the seat is free\./);
      assert.match(finalText, /Not removed: Request_BadRequest: .*License assignment failed because service plan \S+ depe/);
      assert.deepEqual(JSON.stringify(last[0]?.reply.card.body).match(/"Action.Execute"/g), null);
      const audit = (await store.listReclaimAudit(request.id)).map((a) => a.action);
      assert.deepEqual(audit.slice(0, 2), ['created', 'approved']);
      assert.ok(audit.includes('removed') && audit.includes('removal-failed') && audit.includes('done'));
    });

    it("asks Entra to reprocess each waiting group once after seats are freed, and not again on later ticks", async function () {
      const request = await tickAndDeliver();
      const figures = (await rig.tick()).figures.find((f) => f.skuId === E3);
      const waitingGroups = (figures?.waitingGroups ?? []).filter((g) => g.groupId !== null).map((g) => g.groupId).sort();
      assert.ok(waitingGroups.length > 0, 'E3 has waiting groups in Contoso');

      await rig.feature.decisions.decide(click(RECLAIM_VERBS.approve, request.id, APPROVER));
      await rig.feature.executor?.idle();
      const reprocessCalls = { ...rig.server.stats.reprocessByUser };
      await rig.feature.hook(await rig.tick());
      await rig.feature.hook(await rig.tick());

      const intents = await store.listReprocessIntents({ source: `reclaim:${request.id}` });
      assert.deepEqual(intents.map((i) => i.groupId).sort(), waitingGroups);
      assert.ok(intents.every((i) => i.state === 'done'), JSON.stringify(intents));
      assert.deepEqual(rig.server.stats.reprocessByUser, reprocessCalls, 'later ticks reprocess nothing');
      assert.ok(Object.keys(reprocessCalls).length > 0);
    });

    it('reprocesses the waiting groups once after a reservation is fulfilled', async function () {
      const suggestion = await store.createSuggestion({ skuId: E3, skuPartNumber: 'SPE_E3', displayName: 'Microsoft 365 E3', quantity: 10, reasoning: {} });
      await store.transitionSuggestion(suggestion.id, { from: ['proposed'], to: 'approved', actor: APPROVER.aadObjectId, at: now.toISOString() });
      await store.transitionSuggestion(suggestion.id, { from: ['approved'], to: 'fulfilled', actor: 'headroom', at: now.toISOString() });

      await rig.feature.hook(await rig.tick());
      const calls = { ...rig.server.stats.reprocessByUser };
      await rig.feature.hook(await rig.tick());

      const intents = await store.listReprocessIntents({ source: `suggestion:${suggestion.id}` });
      assert.deepEqual(intents.map((i) => i.groupId).sort(), [CONTOSO_IDS.contractorsGroupId, CONTOSO_IDS.tempStaffGroupId].sort());
      assert.ok(intents.every((i) => i.state === 'done'));
      assert.ok(Object.keys(calls).length > 0);
      assert.deepEqual(rig.server.stats.reprocessByUser, calls, 'the second tick reprocesses nothing');
    });

    it('with RECLAIM_ACTIONS on but the write permission not granted, shows on the card what to grant for each seat', async function () {
      const request = await tickAndDeliver();
      rig.server.grants.grantOnly(['Organization.Read.All', 'GroupMember.Read.All', 'User.Read.All']);

      const text = textOf(await rig.feature.decisions.decide(click(RECLAIM_VERBS.approve, request.id, APPROVER)));
      await rig.feature.executor?.idle();

      const removals = await store.listRemovalIntents(request.id);
      assert.deepEqual(removals.map((r) => [r.state, r.errorCode]), [['failed', 'MissingPermission'], ['failed', 'MissingPermission']]);
      assert.match(removals[0]?.errorMessage ?? '', /LicenseAssignment\.ReadWrite\.All/);
      const final = cardText(rig.channels.updates.at(-1)?.reply.card);
      assert.match(final, /Not removed: MissingPermission: .*LicenseAssignment\.ReadWrite\.All/);
      assert.match(text + final, /Done: 0 seats freed, 2 not removed/);
      assert.deepEqual(await store.listReprocessIntents({ source: `reclaim:${request.id}` }), [], 'nothing freed, nothing to reprocess');
    });

    it('dismisses without touching Graph, and tells a later click who dismissed', async function () {
      const request = await tickAndDeliver();

      const dismissed = textOf(await rig.feature.decisions.decide(click(RECLAIM_VERBS.dismiss, request.id, APPROVER)));
      const late = textOf(await rig.feature.decisions.decide(click(RECLAIM_VERBS.approve, request.id, SECOND_APPROVER)));

      assert.match(dismissed, /Dismissed by Megan Bowen/);
      assert.match(late, /Already dismissed by Megan Bowen/);
      assert.equal(rig.server.stats.byEndpoint[ASSIGN], undefined);
      assert.deepEqual(await store.listRemovalIntents(request.id), []);
    });

    it('with RECLAIM_ACTIONS off, shows no Reclaim button, says what to grant, and refuses a forged Reclaim', async function () {
      const off = rig.anotherInstance({ actionsEnabled: false });
      await off.hook(await rig.tick());
      const [request] = await store.listReclaimRequests({ skuId: E3 });
      assert.ok(request);

      const refresh = textOf(await off.decisions.decide(click(RECLAIM_VERBS.refresh, request.id, APPROVER)));
      const forged = await off.decisions.decide(click(RECLAIM_VERBS.approve, request.id, APPROVER));

      assert.match(refresh, /LicenseAssignment\.ReadWrite\.All/);
      assert.match(refresh, /RECLAIM_ACTIONS=on/);
      assert.equal(forged.kind, 'error');
      assert.equal((await store.getReclaimRequest(request.id))?.status, 'open');
      assert.equal(rig.server.stats.byEndpoint[ASSIGN], undefined);
    });

    it('does not ask again about seats an approver dismissed, but does when someone new leaves', async function () {
      const request = await tickAndDeliver();
      await rig.feature.decisions.decide(click(RECLAIM_VERBS.dismiss, request.id, APPROVER));

      await rig.feature.hook(await rig.tick());
      assert.deepEqual((await store.listReclaimRequests({ statuses: ['open'] })).length, 0);

      const scan = await rig.scans.latestReclaimScan();
      assert.ok(scan);
      const newcomer = { ...scan.candidates[0], userId: CONTOSO_IDS.regularUserId, displayName: 'Adele Vance', userPrincipalName: 'adele.vance@contoso.com' } as (typeof scan.candidates)[number];
      await rig.scans.saveReclaimScan({ ...scan, candidates: [...scan.candidates, newcomer] });
      await rig.feature.hook(await rig.tick());
      const [again] = await store.listReclaimRequests({ statuses: ['open'] });
      assert.ok(again);
      assert.notEqual(again.id, request.id);
    });

    it('raises no new card from a scan taken before the reclaim', async function () {
      const request = await tickAndDeliver();
      now = new Date(now.getTime() + 60_000);
      await rig.feature.decisions.decide(click(RECLAIM_VERBS.approve, request.id, APPROVER));
      await rig.feature.executor?.idle();

      await rig.feature.hook(await rig.tick());

      assert.equal((await store.getReclaimRequest(request.id))?.status, 'done');
      assert.deepEqual(await store.listReclaimRequests({ statuses: ['open'] }), []);
    });

    it('withdraws the card when the SKU no longer has leavers holding it directly', async function () {
      const request = await tickAndDeliver();
      await rig.scans.saveReclaimScan({ asOf: now.toISOString(), inactiveDays: 90, inactiveUnknown: null, candidates: [] });

      await rig.feature.hook(await rig.tick());

      assert.equal((await store.getReclaimRequest(request.id))?.status, 'withdrawn');
      assert.match(cardText(rig.channels.updates.at(-1)?.reply.card), /No longer needed/);
    });
  });
}

describe('Reclaim cards and approvals', function () {
  const dir = mkdtempSync(join(tmpdir(), 'headroom-reclaim-flow-'));
  let files = 0;
  let database: TestDatabase | undefined;
  let schemas = 0;

  after(async function () {
    rmSync(dir, { recursive: true, force: true });
    await database?.drop();
  });

  describeOn('SQLite', async () => {
    files += 1;
    const filename = join(dir, `db-${files}`, 'headroom.sqlite');
    return () => new SqliteStore({ filename });
  });

  describe('PostgreSQL', function () {
    before(async function () {
      database = await requirePostgres(this);
    });
    describeOn('PostgreSQL', async () => {
      schemas += 1;
      const url = (database as TestDatabase).url;
      const schema = `reclaim_flow_${schemas}`;
      return () => new PostgresStore({ connectionString: url, schema, poolSize: 5 });
    });
  });
});
