import assert from 'node:assert/strict';
import { ConflictError, NotFoundError, ValidationError } from '../../src/errors';
import type { AlertStateChange } from '../../src/alerts/alert-state';
import type { Clock, Store } from '../../src/store/store';
import type { HistoryFigures } from '../../src/licenses/sku-history';
import type { NewOutboxMessage } from '../../src/delivery/outbox-message';
import type { NewSuggestion } from '../../src/reservations/suggestion';
import { describeReclaimScanContract } from './reclaim-scan-contract';

/** Opens an unmigrated store on one database; every call is a separate connection (pool or file handle). */
export type OpenStore = (clock: Clock) => Store;

/** Creates a new, empty database and returns how to open stores on it. */
export type MakeStore = () => Promise<OpenStore>;

const T0 = Date.parse('2030-01-01T00:00:00.000Z');

/** An ISO time `minutes` after the suite's epoch. */
function at(minutes: number): string {
  return new Date(T0 + minutes * 60_000).toISOString();
}

function figures(skuId: string, purchased: number, assigned: number, waiting = 0): HistoryFigures {
  return { skuId, purchased, assigned, available: purchased - assigned, waiting };
}

function alertChange(skuId: string, condition: string, expectedVersion: number | null, status: 'active' | 'resolved' = 'active'): AlertStateChange {
  return { skuId, condition, expectedVersion, status, since: at(0), lastNotifiedAt: at(0), details: { available: 2, threshold: 5 } };
}

function channelMessage(dedupeKey: string, notBefore?: string): NewOutboxMessage {
  return { kind: 'channel', target: '19:general@thread.tacv2', payload: { text: dedupeKey }, dedupeKey, ...(notBefore === undefined ? {} : { notBefore }) };
}

function newSuggestion(skuId: string, quantity = 5): NewSuggestion {
  return { skuId, skuPartNumber: 'SPE_E3', displayName: 'Microsoft 365 E3', quantity, reasoning: { leadDays: 14, projectedRunOut: at(60 * 24 * 10) } };
}

/**
 * The behaviour every `Store` must have, run against a real database. Races use several stores on one
 * database (separate connections) so they are real races wherever the engine allows one.
 */
export function describeStoreContract(name: string, makeStore: MakeStore): void {
  describe(name, function () {
    let now = T0;
    const clock: Clock = () => new Date(now);
    let openStore: OpenStore;
    let opened: Store[] = [];
    let store: Store;

    /** Opens another store on the same database as `store`. */
    function another(): Store {
      const next = openStore(clock);
      opened.push(next);
      return next;
    }

    /** Another store that has already talked to the database, so a race starts with open connections. */
    async function warmed(): Promise<Store> {
      const next = another();
      await next.getLease('warm-up');
      return next;
    }

    beforeEach(async function () {
      now = T0;
      opened = [];
      openStore = await makeStore();
      store = another();
      await store.migrate();
    });

    afterEach(async function () {
      for (const s of opened) {
        await s.close();
      }
    });

    describe('lifecycle', function () {
      it('applies every migration once and nothing on a second run, keeping data', async function () {
        await store.watchPlace({ conversationId: 'c1', addedBy: 'u1', kind: 'channel' });

        const again = await another().migrate();

        assert.deepEqual(again.applied, []);
        assert.ok(again.version >= 1);
        assert.equal((await store.listWatchedPlaces()).length, 1);
      });

      it('migrates a new database exactly once when two stores start together', async function () {
        const openFresh = await makeStore();
        const first = openFresh(clock);
        const second = openFresh(clock);
        opened.push(first, second);

        const results = await Promise.all([first.migrate(), second.migrate()]);

        const applied = [...results[0].applied, ...results[1].applied].sort((a, b) => a - b);
        assert.deepEqual(applied, [...new Set(applied)]);
        assert.equal(applied.length, results[0].version);
        assert.equal(results[0].version, results[1].version);
        await first.setMuted('sku-a', true, 'u1');
        assert.deepEqual((await second.listMuted()).map((m) => m.skuId), ['sku-a']);
      });
    });

    describe('conversation references', function () {
      it('returns null for a conversation it has never seen', async function () {
        assert.equal(await store.getConversationReference('unknown'), null);
      });

      it('stores a reference with its metadata and replaces it on the next save', async function () {
        const reference = { conversation: { id: 'c1', tenantId: 't1' }, serviceUrl: 'https://smba.example/emea/', bot: { id: 'b' } };
        await store.saveConversationReference('c1', { old: true }, { tenantId: 't0', conversationType: 'personal' });
        now = T0 + 60_000;

        await store.saveConversationReference('c1', reference, { tenantId: 't1', conversationType: 'channel', teamId: 'team-1', channelName: 'General' });

        assert.deepEqual(await store.getConversationReference('c1'), {
          conversationId: 'c1',
          reference,
          tenantId: 't1',
          conversationType: 'channel',
          teamId: 'team-1',
          channelName: 'General',
          updatedAt: at(1),
        });
      });

      it('leaves the stored reference as it was when the same reference is saved again', async function () {
        const reference = { conversation: { id: 'c2' }, serviceUrl: 'https://smba.example/amer/' };
        const meta = { tenantId: 't1', conversationType: 'personal' };
        await store.saveConversationReference('c2', reference, meta);
        now = T0 + 60_000;

        await store.saveConversationReference('c2', { ...reference }, { ...meta });

        assert.equal((await store.getConversationReference('c2'))?.updatedAt, at(0));
      });

      it('rewrites the reference when only its metadata changed', async function () {
        const reference = { conversation: { id: 'c3' }, serviceUrl: 'https://smba.example/amer/' };
        await store.saveConversationReference('c3', reference, { tenantId: 't1', conversationType: 'channel', channelName: 'General' });
        now = T0 + 60_000;

        await store.saveConversationReference('c3', reference, { tenantId: 't1', conversationType: 'channel', channelName: 'Licensing' });

        const stored = await store.getConversationReference('c3');
        assert.deepEqual([stored?.channelName, stored?.updatedAt], ['Licensing', at(1)]);
      });
    });

    describe('watched places', function () {
      it('lists a watched place as active and forgets it when unwatched', async function () {
        const place = await store.watchPlace({ conversationId: 'c1', addedBy: 'u1', kind: 'channel' });
        const listed = await store.listWatchedPlaces({ activeOnly: true });

        const removed = await store.unwatchPlace('c1');

        assert.deepEqual(listed, [place]);
        assert.equal(place.active, true);
        assert.equal(removed, true);
        assert.equal(await store.unwatchPlace('c1'), false);
        assert.deepEqual(await store.listWatchedPlaces(), []);
      });

      it('keeps an inactive place out of the active list, with its reason, until reactivated', async function () {
        await store.watchPlace({ conversationId: 'c1', addedBy: 'u1', kind: 'channel' });
        await store.watchPlace({ conversationId: 'c2', addedBy: 'u1', kind: 'personal' });

        assert.equal(await store.markPlaceInactive('c1', 'bot removed (403)'), true);

        assert.equal(await store.markPlaceInactive('c1', 'again'), false);
        assert.deepEqual((await store.listWatchedPlaces({ activeOnly: true })).map((p) => p.conversationId), ['c2']);
        const inactive = (await store.listWatchedPlaces()).find((p) => p.conversationId === 'c1');
        assert.equal(inactive?.active, false);
        assert.equal(inactive?.inactiveReason, 'bot removed (403)');
        assert.equal(inactive?.inactiveSince, at(0));
        assert.equal(await store.reactivatePlace('c1'), true);
        assert.equal(await store.reactivatePlace('c1'), false);
        assert.equal((await store.listWatchedPlaces({ activeOnly: true })).length, 2);
      });

      it('reactivates an inactive place that is watched again', async function () {
        await store.watchPlace({ conversationId: 'c1', addedBy: 'u1', kind: 'groupChat' });
        await store.markPlaceInactive('c1', 'bot removed');

        const place = await store.watchPlace({ conversationId: 'c1', addedBy: 'u2', kind: 'groupChat' });

        assert.equal(place.active, true);
        assert.equal(place.addedBy, 'u2');
        assert.equal(place.inactiveReason, null);
      });
    });

    describe('settings', function () {
      it('sets, replaces, lists and clears per-SKU thresholds', async function () {
        await store.setThreshold('sku-b', { kind: 'absolute', value: 5 }, 'u1');
        await store.setThreshold('sku-a', { kind: 'absolute', value: 3 }, 'u1');
        now = T0 + 60_000;
        await store.setThreshold('sku-a', { kind: 'percent', value: 12.5 }, 'u2');

        const listed = await store.listThresholds();
        const cleared = await store.clearThreshold('sku-b');

        assert.deepEqual(listed, [
          { skuId: 'sku-a', threshold: { kind: 'percent', value: 12.5 }, setBy: 'u2', setAt: at(1) },
          { skuId: 'sku-b', threshold: { kind: 'absolute', value: 5 }, setBy: 'u1', setAt: at(0) },
        ]);
        assert.equal(cleared, true);
        assert.equal(await store.clearThreshold('sku-b'), false);
        assert.deepEqual((await store.listThresholds()).map((t) => t.skuId), ['sku-a']);
      });

      it('rejects a percentage threshold above 100', async function () {
        await assert.rejects(store.setThreshold('sku-a', { kind: 'percent', value: 120 }, 'u1'), ValidationError);
        assert.deepEqual(await store.listThresholds(), []);
      });

      it('mutes a SKU once however often it is muted, and unmutes it', async function () {
        await store.setMuted('sku-a', true, 'u1');
        await store.setMuted('sku-a', true, 'u2');
        await store.setMuted('sku-b', true, 'u1');
        const muted = await store.listMuted();

        await store.setMuted('sku-b', false, 'u1');

        assert.deepEqual(muted, [
          { skuId: 'sku-a', mutedBy: 'u1', mutedAt: at(0) },
          { skuId: 'sku-b', mutedBy: 'u1', mutedAt: at(0) },
        ]);
        assert.deepEqual((await store.listMuted()).map((m) => m.skuId), ['sku-a']);
      });
    });

    describe('snapshot history', function () {
      it('stores a SKU row only when its figures changed since its last stored row', async function () {
        await store.recordSnapshot(at(0), [figures('sku-a', 10, 8), figures('sku-b', 5, 5)]);

        const second = await store.recordSnapshot(at(5), [figures('sku-a', 10, 8), figures('sku-b', 5, 5, 2)]);
        const third = await store.recordSnapshot(at(10), [figures('sku-a', 10, 9), figures('sku-b', 5, 5, 2)]);

        assert.deepEqual(second, ['sku-b']);
        assert.deepEqual(third, ['sku-a']);
        assert.deepEqual(await store.listHistory('sku-a', at(0)), [
          { ...figures('sku-a', 10, 8), takenAt: at(0) },
          { ...figures('sku-a', 10, 9), takenAt: at(10) },
        ]);
      });

      it('lists one SKU from a time on, oldest first', async function () {
        await store.recordSnapshot(at(0), [figures('sku-a', 10, 1)]);
        await store.recordSnapshot(at(1), [figures('sku-a', 10, 2)]);
        await store.recordSnapshot(at(2), [figures('sku-a', 10, 3), figures('sku-b', 1, 1)]);

        const rows = await store.listHistory('sku-a', at(1));

        assert.deepEqual(rows.map((r) => [r.takenAt, r.assigned]), [
          [at(1), 2],
          [at(2), 3],
        ]);
      });

      it('prunes rows before a time but keeps each SKU\'s last row before it, and counts what went', async function () {
        await store.recordSnapshot(at(0), [figures('sku-a', 10, 1), figures('sku-b', 3, 3)]);
        await store.recordSnapshot(at(1), [figures('sku-a', 10, 2)]);
        await store.recordSnapshot(at(2), [figures('sku-a', 10, 3)]);
        await store.recordSnapshot(at(5), [figures('sku-a', 10, 4)]);

        const removed = await store.pruneHistory(at(3));
        const again = await store.pruneHistory(at(3));

        assert.equal(removed, 2);
        assert.equal(again, 0);
        assert.deepEqual((await store.listHistory('sku-a', at(0))).map((r) => [r.takenAt, r.assigned]), [
          [at(2), 3],
          [at(5), 4],
        ]);
        assert.deepEqual((await store.listHistory('sku-b', at(0))).map((r) => r.takenAt), [at(0)]);
        await assert.rejects(store.pruneHistory('yesterday'), ValidationError);
      });

      it('returns the latest stored row of every SKU', async function () {
        await store.recordSnapshot(at(0), [figures('sku-a', 10, 1), figures('sku-b', 3, 3)]);
        await store.recordSnapshot(at(1), [figures('sku-a', 10, 2), figures('sku-b', 3, 3)]);

        const latest = await store.latestHistory();

        assert.deepEqual(latest, [
          { ...figures('sku-a', 10, 2), takenAt: at(1) },
          { ...figures('sku-b', 3, 3), takenAt: at(0) },
        ]);
      });
    });

    describe('alert states and outbox', function () {
      it('writes new states at version 1 together with their outbox messages', async function () {
        const written = await store.commitAlertTransitions(
          [alertChange('sku-a', 'low', null), alertChange('sku-b', 'waiting', null)],
          [channelMessage('alert:sku-a:low:1'), channelMessage('alert:sku-b:waiting:1')],
        );

        const states = await store.listAlertStates();

        assert.deepEqual(states, written);
        assert.deepEqual(states.map((s) => [s.skuId, s.condition, s.status, s.version]), [
          ['sku-a', 'low', 'active', 1],
          ['sku-b', 'waiting', 'active', 1],
        ]);
        assert.deepEqual(states[0]?.details, { available: 2, threshold: 5 });
        assert.equal((await store.listOutbox()).length, 2);
      });

      it('moves a state on from the version it was computed from', async function () {
        await store.commitAlertTransitions([alertChange('sku-a', 'low', null)], []);

        const [state] = await store.commitAlertTransitions([{ ...alertChange('sku-a', 'low', 1, 'resolved'), since: at(3), lastNotifiedAt: null }], []);

        assert.equal(state?.version, 2);
        assert.equal(state?.status, 'resolved');
        assert.equal(state?.since, at(3));
        assert.equal(state?.lastNotifiedAt, null);
      });

      it('writes nothing at all and throws ConflictError when one change is stale', async function () {
        await store.commitAlertTransitions([alertChange('sku-b', 'low', null)], []);
        await store.commitAlertTransitions([alertChange('sku-b', 'low', 1, 'resolved')], []);

        await assert.rejects(
          store.commitAlertTransitions(
            [alertChange('sku-a', 'low', null), alertChange('sku-b', 'low', 1)],
            [channelMessage('alert:sku-a:low'), channelMessage('alert:sku-b:low')],
          ),
          ConflictError,
        );

        const states = await store.listAlertStates();
        assert.deepEqual(states.map((s) => [s.skuId, s.status, s.version]), [['sku-b', 'resolved', 2]]);
        assert.deepEqual(await store.listOutbox(), []);
      });

      it('treats a state that appeared since it was read as a conflict', async function () {
        await store.commitAlertTransitions([alertChange('sku-a', 'low', null)], []);

        await assert.rejects(store.commitAlertTransitions([alertChange('sku-a', 'low', null)], []), ConflictError);
      });

      it('lets exactly one of two watchers commit the same transition', async function () {
        await store.commitAlertTransitions([alertChange('sku-a', 'low', null, 'resolved')], []);
        const watchers = [store, await warmed()];

        const results = await Promise.allSettled(
          watchers.map((w, i) => w.commitAlertTransitions([alertChange('sku-a', 'low', 1)], [channelMessage(`alert:sku-a:low:${i}`)])),
        );

        assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
        const rejected = results.find((r) => r.status === 'rejected');
        assert.ok(rejected?.status === 'rejected' && rejected.reason instanceof ConflictError);
        assert.equal((await store.listOutbox()).length, 1);
        assert.equal((await store.listAlertStates())[0]?.version, 2);
      });
    });

    describe('outbox', function () {
      it('enqueues a dedupe key once, however often it is enqueued', async function () {
        const first = await store.enqueueOutbox([channelMessage('k1'), channelMessage('k2')]);

        const again = await store.enqueueOutbox([channelMessage('k1')]);
        await store.commitAlertTransitions([alertChange('sku-a', 'low', null)], [channelMessage('k2')]);

        assert.equal(first.length, 2);
        assert.deepEqual(again, []);
        assert.deepEqual((await store.listOutbox()).map((m) => m.dedupeKey).sort(), ['k1', 'k2']);
      });

      it('gives two claimants disjoint due messages, oldest first', async function () {
        await store.enqueueOutbox([1, 2, 3, 4, 5].map((n) => channelMessage(`k${n}`)));
        const other = await warmed();

        const [a, b] = await Promise.all([store.claimDueOutbox(at(1), 3, 'instance-a', 60_000), other.claimDueOutbox(at(1), 3, 'instance-b', 60_000)]);

        const keys = [...a, ...b].map((m) => m.dedupeKey).sort();
        assert.deepEqual(keys, ['k1', 'k2', 'k3', 'k4', 'k5']);
        assert.equal(Math.max(a.length, b.length), 3);
        assert.ok(a.every((m) => m.claimedBy === 'instance-a' && m.attempts === 1 && m.claimedUntil === at(2)));
        const first = a.length === 3 ? a : b;
        assert.deepEqual(
          first.map((m) => m.id),
          [...first.map((m) => m.id)].sort((x, y) => x - y),
        );
      });

      it('does not hand out a claimed message again until its claim expires', async function () {
        await store.enqueueOutbox([channelMessage('k1')]);
        await store.claimDueOutbox(at(0), 10, 'instance-a', 60_000);

        const during = await store.claimDueOutbox(at(0.5), 10, 'instance-b', 60_000);
        const after = await store.claimDueOutbox(at(1), 10, 'instance-b', 60_000);

        assert.deepEqual(during, []);
        assert.deepEqual(after.map((m) => [m.dedupeKey, m.claimedBy, m.attempts]), [['k1', 'instance-b', 2]]);
      });

      it('holds back a message until its notBefore time', async function () {
        await store.enqueueOutbox([channelMessage('later', at(10))]);

        const early = await store.claimDueOutbox(at(9), 10, 'a', 1000);
        const due = await store.claimDueOutbox(at(10), 10, 'a', 1000);

        assert.deepEqual(early, []);
        assert.equal(due.length, 1);
      });

      it('never hands out a sent message again and keeps its activity id', async function () {
        const [id] = await store.enqueueOutbox([channelMessage('k1')]);
        await store.claimDueOutbox(at(0), 10, 'a', 1000);

        const marked = await store.markOutboxSent(id as number, 'a', 'activity-1');

        assert.equal(marked, true);
        assert.equal(await store.markOutboxSent(id as number, 'a', 'activity-2'), false);
        assert.deepEqual(await store.claimDueOutbox(at(60), 10, 'a', 1000), []);
        const [sent] = await store.listOutbox({ status: 'sent' });
        assert.equal(sent?.activityId, 'activity-1');
        assert.equal(sent?.sentAt, at(0));
        assert.deepEqual(sent?.payload, { text: 'k1' });
      });

      it('retries a failed message at the time given and dead-letters it when none is given', async function () {
        const [id] = await store.enqueueOutbox([{ kind: 'webhook', target: 'https://procure.example/hook', payload: { n: 1 }, dedupeKey: 'w1' }]);
        await store.claimDueOutbox(at(0), 10, 'a', 60_000);
        await store.markOutboxFailed(id as number, 'a', 'HTTP 503', at(5));

        const early = await store.claimDueOutbox(at(4), 10, 'a', 60_000);
        const retried = await store.claimDueOutbox(at(5), 10, 'a', 60_000);
        await store.markOutboxFailed(id as number, 'a', 'HTTP 410', null);

        assert.deepEqual(early, []);
        assert.deepEqual(retried.map((m) => [m.attempts, m.lastError]), [[2, 'HTTP 503']]);
        assert.deepEqual(await store.claimDueOutbox(at(100), 10, 'a', 1000), []);
        const [dead] = await store.listOutbox({ status: 'dead', kind: 'webhook' });
        assert.equal(dead?.lastError, 'HTTP 410');
        assert.equal(dead?.deadAt, at(0));
        assert.deepEqual(await store.listOutbox({ status: 'pending' }), []);
      });

      it('refuses to let a claimant whose claim was taken over settle the message, changing nothing', async function () {
        const [id] = await store.enqueueOutbox([channelMessage('k1')]);
        const other = await warmed();
        await store.claimDueOutbox(at(0), 10, 'instance-a', 60_000);
        await other.claimDueOutbox(at(1), 10, 'instance-b', 60_000);
        const before = await store.listOutbox();

        const sent = await store.markOutboxSent(id as number, 'instance-a', 'activity-a');
        const failed = await store.markOutboxFailed(id as number, 'instance-a', 'HTTP 503', null);

        assert.deepEqual([sent, failed], [false, false]);
        assert.deepEqual(await store.listOutbox(), before);
        assert.deepEqual(before.map((m) => [m.claimedBy, m.sentAt, m.deadAt]), [['instance-b', null, null]]);
      });

      it('lets the instance that holds the claim now mark the message sent', async function () {
        const [id] = await store.enqueueOutbox([channelMessage('k1')]);
        const other = await warmed();
        await store.claimDueOutbox(at(0), 10, 'instance-a', 60_000);
        await other.claimDueOutbox(at(1), 10, 'instance-b', 60_000);
        await store.markOutboxSent(id as number, 'instance-a', 'activity-a');

        const marked = await other.markOutboxSent(id as number, 'instance-b', 'activity-b');

        assert.equal(marked, true);
        const [sent] = await store.listOutbox({ status: 'sent' });
        assert.deepEqual([sent?.activityId, sent?.claimedBy, sent?.attempts], ['activity-b', null, 2]);
      });

      it('lets the instance that holds the claim now record a failure for a retry', async function () {
        const [id] = await store.enqueueOutbox([channelMessage('k1')]);
        const other = await warmed();
        await store.claimDueOutbox(at(0), 10, 'instance-a', 60_000);
        await other.claimDueOutbox(at(1), 10, 'instance-b', 60_000);
        await store.markOutboxFailed(id as number, 'instance-a', 'HTTP 410', null);

        const marked = await other.markOutboxFailed(id as number, 'instance-b', 'HTTP 503', at(5));

        assert.equal(marked, true);
        const [pending] = await store.listOutbox({ status: 'pending' });
        assert.deepEqual([pending?.lastError, pending?.claimedBy, pending?.nextAttemptAt], ['HTTP 503', null, at(5)]);
      });

      it('refuses to settle a message nobody has claimed', async function () {
        const [id] = await store.enqueueOutbox([channelMessage('k1')]);

        const sent = await store.markOutboxSent(id as number, 'instance-a', 'activity-a');
        const failed = await store.markOutboxFailed(id as number, 'instance-a', 'HTTP 503', null);

        assert.deepEqual([sent, failed], [false, false]);
        assert.deepEqual((await store.listOutbox({ status: 'pending' })).map((m) => [m.dedupeKey, m.lastError]), [['k1', null]]);
      });
    });

    describe('text that passes the edge', function () {
      // The edge refuses NUL, other C0 controls and lone surrogates; everything else must come back
      // from every database exactly as it was written.
      const TRICKY = [
        'for 👩🏽‍💻 onboarding 🎉',
        'Cafe\u0301 re\u0301sume\u0301',
        'שלום \u200Fעולם مرحبا',
        'one\ttwo\nthree\r\nfour',
        '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𠜎 𓀀',
      ];

      it('reads back hold reasons with emoji, combining marks, RTL, tabs, newlines and 4-byte characters unchanged', async function () {
        for (const reason of TRICKY) {
          const taken = await store.tryTakeHold({ skuId: 'sku-text', quantity: 1, reason, expiresAt: at(60), now: at(0), unheldLimit: 100 });
          assert.ok(taken.ok);
          assert.equal(taken.hold.reason, reason);
        }

        const reasons = (await another().listActiveHolds(at(1))).map((hold) => hold.reason);

        assert.deepEqual([...reasons].sort(), [...TRICKY].sort());
      });

      it('reads back a conversation reference and its metadata with tricky text unchanged', async function () {
        const conversationId = '19:a1B2-c3_d4.e5@thread.tacv2';
        const reference = { conversation: { id: conversationId, name: TRICKY[0] }, user: { name: TRICKY[2] }, note: TRICKY.join('|') };

        await store.saveConversationReference(conversationId, reference, { tenantId: 't1', conversationType: 'channel', teamId: 'team-1', channelName: TRICKY[4] });
        const stored = await another().getConversationReference(conversationId);

        assert.deepEqual(stored?.reference, reference);
        assert.equal(stored?.channelName, TRICKY[4]);
      });

      it('keeps a Teams-shaped place id, its adder and its pause reason unchanged', async function () {
        const conversationId = '19:meeting_MjdhNjM4YzUtYzExZi00OTFkLTkzMTAtNmE2NjYxYWJiNzBm@thread.v2';
        await store.watchPlace({ conversationId, addedBy: TRICKY[1] ?? '', kind: 'channel' });
        await store.markPlaceInactive(conversationId, TRICKY[3] ?? '');

        const [place] = await another().listWatchedPlaces();

        assert.equal(place?.conversationId, conversationId);
        assert.equal(place?.addedBy, TRICKY[1]);
        assert.equal(place?.inactiveReason, TRICKY[3]);
      });
    });

    describe('seat holds', function () {
      it('takes holds while they fit and refuses the one that does not', async function () {
        const request = { skuId: 'sku-a', reason: 'onboarding batch', expiresAt: at(60), now: at(0), unheldLimit: 5 };
        const first = await store.tryTakeHold({ ...request, quantity: 3 });

        const second = await store.tryTakeHold({ ...request, quantity: 3 });
        const third = await store.tryTakeHold({ ...request, quantity: 2 });

        assert.ok(first.ok);
        assert.equal(first.heldAfter, 3);
        assert.equal(first.hold.quantity, 3);
        assert.deepEqual(second, { ok: false, held: 3 });
        assert.ok(third.ok);
        assert.equal(third.heldAfter, 5);
      });

      it('gives the last seat to exactly one of ten racing callers', async function () {
        const stores = [store, await warmed(), await warmed()];

        const results = await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            (stores[i % stores.length] as Store).tryTakeHold({
              skuId: 'sku-a',
              quantity: 1,
              reason: `caller ${i}`,
              expiresAt: at(60),
              now: at(0),
              unheldLimit: 1,
            }),
          ),
        );

        assert.equal(results.filter((r) => r.ok).length, 1);
        assert.ok(results.filter((r) => !r.ok).every((r) => !r.ok && r.held === 1));
        assert.deepEqual(await store.heldBySku(at(1)), new Map([['sku-a', 1]]));
      });

      it('stops counting a hold once it expires', async function () {
        const request = { skuId: 'sku-a', quantity: 1, reason: 'r', now: at(0), unheldLimit: 1 };
        await store.tryTakeHold({ ...request, expiresAt: at(10) });

        const before = await store.tryTakeHold({ ...request, now: at(9), expiresAt: at(20) });
        const after = await store.tryTakeHold({ ...request, now: at(10), expiresAt: at(20) });

        assert.deepEqual(before, { ok: false, held: 1 });
        assert.ok(after.ok);
        assert.deepEqual((await store.listActiveHolds(at(10))).map((h) => h.expiresAt), [at(20)]);
      });

      it('releases an active hold once and frees its seats', async function () {
        const taken = await store.tryTakeHold({ skuId: 'sku-a', quantity: 2, reason: 'r', expiresAt: at(10), now: at(0), unheldLimit: 2 });
        assert.ok(taken.ok);

        const released = await store.releaseHold(taken.hold.id, at(1));

        assert.equal(released, true);
        assert.equal(await store.releaseHold(taken.hold.id, at(2)), false);
        assert.deepEqual(await store.heldBySku(at(2)), new Map());
        assert.deepEqual(await store.listActiveHolds(at(2)), []);
      });

      it('does not release a hold that has already expired', async function () {
        const taken = await store.tryTakeHold({ skuId: 'sku-a', quantity: 1, reason: 'r', expiresAt: at(10), now: at(0), unheldLimit: 2 });
        assert.ok(taken.ok);

        assert.equal(await store.releaseHold(taken.hold.id, at(10)), false);
      });

      it('sums active holds per SKU', async function () {
        const base = { reason: 'r', expiresAt: at(30), now: at(0), unheldLimit: 100 };
        await store.tryTakeHold({ ...base, skuId: 'sku-a', quantity: 2 });
        await store.tryTakeHold({ ...base, skuId: 'sku-a', quantity: 3 });
        await store.tryTakeHold({ ...base, skuId: 'sku-b', quantity: 4, expiresAt: at(5) });

        const early = await store.heldBySku(at(1));
        const late = await store.heldBySku(at(6));

        assert.deepEqual(early, new Map([['sku-a', 5], ['sku-b', 4]]));
        assert.deepEqual(late, new Map([['sku-a', 5]]));
        assert.equal((await store.listActiveHolds(at(1))).length, 3);
      });

      it('rejects a hold that expires before it starts', async function () {
        await assert.rejects(
          store.tryTakeHold({ skuId: 'sku-a', quantity: 1, reason: 'r', expiresAt: at(0), now: at(0), unheldLimit: 5 }),
          ValidationError,
        );
      });
    });

    describe('reservation suggestions', function () {
      it('creates a proposed suggestion with an audit row', async function () {
        const created = await store.createSuggestion(newSuggestion('sku-a'));

        const audit = await store.listAudit(created.id);

        assert.equal(created.status, 'proposed');
        assert.equal(created.version, 1);
        assert.deepEqual(created.cardActivities, {});
        assert.deepEqual(await store.getSuggestion(created.id), created);
        assert.deepEqual(audit.map((a) => [a.action, a.actor, a.previousStatus, a.newStatus, a.quantity]), [['proposed', 'headroom', null, 'proposed', 5]]);
      });

      it('refuses a second open suggestion for a SKU but allows one after the first closes', async function () {
        const first = await store.createSuggestion(newSuggestion('sku-a'));
        await store.createSuggestion(newSuggestion('sku-b'));

        await assert.rejects(store.createSuggestion(newSuggestion('sku-a')), ConflictError);

        await store.transitionSuggestion(first.id, { from: ['proposed'], to: 'declined', actor: 'u1', at: at(1) });
        const next = await store.createSuggestion(newSuggestion('sku-a', 7));
        assert.equal((await store.getOpenSuggestion('sku-a'))?.id, next.id);
      });

      it('returns no open suggestion for a SKU without one', async function () {
        assert.equal(await store.getOpenSuggestion('sku-z'), null);
        assert.equal(await store.getSuggestion('00000000-0000-4000-8000-000000000000'), null);
      });

      it('lists suggestions newest first, up to the limit', async function () {
        for (const [i, sku] of ['sku-a', 'sku-b', 'sku-c'].entries()) {
          now = T0 + i * 60_000;
          await store.createSuggestion(newSuggestion(sku));
        }

        const listed = await store.listSuggestions({ limit: 2 });

        assert.deepEqual(listed.map((s) => s.skuId), ['sku-c', 'sku-b']);
        assert.deepEqual((await store.listSuggestions({ skuId: 'sku-a', statuses: ['proposed'] })).map((s) => s.skuId), ['sku-a']);
      });

      it('updates the proposal only from the version it was read at', async function () {
        const created = await store.createSuggestion(newSuggestion('sku-a'));

        const updated = await store.updateSuggestionProposal(created.id, 1, { quantity: 8, reasoning: { revised: true } });
        const stale = await store.updateSuggestionProposal(created.id, 1, { quantity: 9 });

        assert.ok(updated.ok);
        assert.equal(updated.suggestion.quantity, 8);
        assert.equal(updated.suggestion.version, 2);
        assert.deepEqual(updated.suggestion.reasoning, { revised: true });
        assert.ok(!stale.ok);
        assert.equal(stale.current.quantity, 8);
      });

      it('approves with the approver, the audit row and the outbox in one step', async function () {
        const created = await store.createSuggestion(newSuggestion('sku-a'));

        const result = await store.transitionSuggestion(created.id, {
          from: ['proposed'],
          to: 'approved',
          actor: 'aad-1',
          actorName: 'Ada Admin',
          quantity: 6,
          at: at(2),
          purchasedAtApproval: 100,
          outbox: [{ kind: 'webhook', target: 'https://procure.example/hook', payload: { id: created.id }, dedupeKey: `approved:${created.id}` }],
        });

        assert.ok(result.ok);
        assert.equal(result.suggestion.status, 'approved');
        assert.equal(result.suggestion.quantity, 6);
        assert.equal(result.suggestion.decidedBy, 'aad-1');
        assert.equal(result.suggestion.decidedByName, 'Ada Admin');
        assert.equal(result.suggestion.decidedAt, at(2));
        assert.equal(result.suggestion.purchasedAtApproval, 100);
        assert.equal(result.suggestion.version, 2);
        const audit = await store.listAudit(created.id);
        assert.deepEqual(audit.map((a) => [a.action, a.actor, a.actorName, a.quantity, a.previousStatus, a.newStatus, a.at]).slice(1), [
          ['approved', 'aad-1', 'Ada Admin', 6, 'proposed', 'approved', at(2)],
        ]);
        assert.deepEqual((await store.listOutbox({ kind: 'webhook' })).map((m) => m.payload), [{ id: created.id }]);
      });

      it('lets one of two simultaneous approvals win and tells the loser who won', async function () {
        const created = await store.createSuggestion(newSuggestion('sku-a'));
        const approvers = [
          { store, actor: 'aad-1', actorName: 'Ada' },
          { store: await warmed(), actor: 'aad-2', actorName: 'Bob' },
        ];

        const results = await Promise.all(
          approvers.map((a) =>
            a.store.transitionSuggestion(created.id, {
              from: ['proposed'],
              to: 'approved',
              actor: a.actor,
              actorName: a.actorName,
              at: at(1),
              outbox: [{ kind: 'webhook', target: 'https://procure.example/hook', payload: { by: a.actor }, dedupeKey: `approved:${a.actor}` }],
            }),
          ),
        );

        const winners = results.filter((r) => r.ok);
        const loser = results.find((r) => !r.ok);
        assert.equal(winners.length, 1);
        assert.ok(winners[0]?.ok === true && loser !== undefined && !loser.ok);
        assert.equal(loser.current.status, 'approved');
        assert.equal(loser.current.decidedBy, winners[0].suggestion.decidedBy);
        assert.equal((await store.listAudit(created.id)).length, 2);
        assert.equal((await store.listOutbox()).length, 1);
      });

      it('snoozes until a time and clears it when proposed again', async function () {
        const created = await store.createSuggestion(newSuggestion('sku-a'));

        const snoozed = await store.transitionSuggestion(created.id, { from: ['proposed'], to: 'snoozed', actor: 'u1', at: at(1), snoozedUntil: at(60 * 24) });
        const woken = await store.transitionSuggestion(created.id, { from: ['snoozed'], to: 'proposed', actor: 'headroom', at: at(60 * 24), action: 'snooze-ended' });

        assert.ok(snoozed.ok && woken.ok);
        assert.equal(snoozed.suggestion.snoozedUntil, at(60 * 24));
        assert.equal(woken.suggestion.snoozedUntil, null);
        assert.equal(woken.suggestion.decidedBy, 'u1');
        assert.equal((await store.listAudit(created.id)).at(-1)?.action, 'snooze-ended');
      });

      it('refuses to reopen a suggestion when its SKU has another open one', async function () {
        const old = await store.createSuggestion(newSuggestion('sku-a'));
        await store.transitionSuggestion(old.id, { from: ['proposed'], to: 'snoozed', actor: 'u1', at: at(1), snoozedUntil: at(10) });
        await store.createSuggestion(newSuggestion('sku-a'));

        await assert.rejects(store.transitionSuggestion(old.id, { from: ['snoozed'], to: 'proposed', actor: 'headroom', at: at(10) }), ConflictError);

        assert.equal((await store.getSuggestion(old.id))?.status, 'snoozed');
        assert.equal((await store.listAudit(old.id)).length, 2);
      });

      it('rejects a transition of an unknown suggestion', async function () {
        await assert.rejects(
          store.transitionSuggestion('00000000-0000-4000-8000-000000000000', { from: ['proposed'], to: 'approved', actor: 'u1', at: at(0) }),
          NotFoundError,
        );
      });

      it('remembers card activities per conversation without changing the version', async function () {
        const created = await store.createSuggestion(newSuggestion('sku-a'));

        await store.setCardActivity(created.id, '19:general@thread.tacv2', 'activity-1');
        await store.setCardActivity(created.id, 'a:personal-chat', 'activity-2');
        await store.setCardActivity(created.id, '19:general@thread.tacv2', 'activity-3');

        const stored = await store.getSuggestion(created.id);
        assert.deepEqual(stored?.cardActivities, { '19:general@thread.tacv2': 'activity-3', 'a:personal-chat': 'activity-2' });
        assert.equal(stored?.version, 1);
      });
    });

    describe('lease', function () {
      it('is taken when free and refused to another owner while it lives', async function () {
        const taken = await store.tryAcquireLease('watcher', 'instance-a', 30_000, at(0));

        const refused = await store.tryAcquireLease('watcher', 'instance-b', 30_000, at(0.4));

        assert.equal(taken, true);
        assert.equal(refused, false);
        assert.deepEqual(await store.getLease('watcher'), { name: 'watcher', owner: 'instance-a', acquiredAt: at(0), expiresAt: at(0.5) });
      });

      it('is renewed by its owner', async function () {
        await store.tryAcquireLease('watcher', 'instance-a', 60_000, at(0));

        const renewed = await store.tryAcquireLease('watcher', 'instance-a', 60_000, at(0.5));

        assert.equal(renewed, true);
        assert.deepEqual(await store.getLease('watcher'), { name: 'watcher', owner: 'instance-a', acquiredAt: at(0), expiresAt: at(1.5) });
      });

      it('is taken over by another owner once it expires', async function () {
        await store.tryAcquireLease('watcher', 'instance-a', 60_000, at(0));

        const takenOver = await store.tryAcquireLease('watcher', 'instance-b', 60_000, at(1));

        assert.equal(takenOver, true);
        assert.equal((await store.getLease('watcher'))?.owner, 'instance-b');
        assert.equal(await store.tryAcquireLease('watcher', 'instance-a', 60_000, at(1.5)), false);
      });

      it('is released only by its owner', async function () {
        await store.tryAcquireLease('watcher', 'instance-a', 60_000, at(0));

        const byOther = await store.releaseLease('watcher', 'instance-b');
        const byOwner = await store.releaseLease('watcher', 'instance-a');

        assert.equal(byOther, false);
        assert.equal(byOwner, true);
        assert.equal(await store.getLease('watcher'), null);
        assert.equal(await store.tryAcquireLease('watcher', 'instance-b', 60_000, at(0)), true);
      });

      it('goes to exactly one of several instances racing for it', async function () {
        const instances = [store, await warmed(), await warmed()];

        const results = await Promise.all(instances.map((s, i) => s.tryAcquireLease('watcher', `instance-${i}`, 60_000, at(0))));

        assert.equal(results.filter(Boolean).length, 1);
      });
    });

    describeReclaimScanContract(() => store, another);
  });
}
