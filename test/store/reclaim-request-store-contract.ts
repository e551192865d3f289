import assert from 'node:assert/strict';
import { ValidationError } from '../../src/errors';
import type { NewReclaimRequest, ReclaimSeat } from '../../src/reclaim/reclaim-request';
import type { Clock, Store } from '../../src/store/store';
import type { MakeStore, OpenStore } from './store-contract';

const T0 = Date.parse('2030-01-01T00:00:00.000Z');
const SKU = '05e9a617-0261-4cee-bb44-138d3ef5d965';

function at(minutes: number): string {
  return new Date(T0 + minutes * 60_000).toISOString();
}

function seat(userId: string, assignedBy: ReclaimSeat['assignedBy'] = 'direct'): ReclaimSeat {
  return { userId, userPrincipalName: `${userId}@contoso.com`, displayName: `User ${userId}`, lastSignIn: null, assignedBy };
}

function request(seats: ReclaimSeat[]): NewReclaimRequest {
  return { skuId: SKU, skuPartNumber: 'SPE_E3', displayName: 'Microsoft 365 E3', scanAsOf: at(0), seats };
}

/** The reclaim part of the store, run against a real database; races use separate connections. */
export function describeReclaimRequestStoreContract(name: string, makeStore: MakeStore): void {
  describe(name, function () {
    const clock: Clock = () => new Date(T0);
    let openStore: OpenStore;
    let opened: Store[] = [];
    let store: Store;

    function another(): Store {
      const next = openStore(clock);
      opened.push(next);
      return next;
    }

    beforeEach(async function () {
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

    it('creates one open request per SKU, keeps it while the seats are the same and updates it in place when they change', async function () {
      const first = await store.upsertReclaimRequest(request([seat('a'), seat('b')]));
      const again = await store.upsertReclaimRequest(request([seat('b'), seat('a')]));
      const changed = await store.upsertReclaimRequest(request([seat('a')]));

      assert.equal(first.change, 'created');
      assert.equal(again.change, 'unchanged');
      assert.equal(changed.change, 'updated');
      assert.equal(changed.request.id, first.request.id);
      assert.equal(changed.request.version, first.request.version + 1);
      assert.deepEqual(changed.request.seats.map((s) => s.userId), ['a']);
      assert.deepEqual((await store.listReclaimRequests({ statuses: ['open'] })).map((r) => r.id), [first.request.id]);
    });

    it('lets exactly one of two simultaneous approvals win and records the removals of direct seats only, once', async function () {
      const { request: created } = await store.upsertReclaimRequest(request([seat('a'), seat('b'), seat('g', { groupId: 'grp', displayName: 'Sales' })]));
      const [one, two] = [another(), another()];
      await Promise.all([one.getReclaimRequest(created.id), two.getReclaimRequest(created.id)]);

      const results = await Promise.all([
        one.decideReclaimRequest(created.id, { to: 'approved', actor: 'approver-1', actorName: 'Ada', at: at(1) }),
        two.decideReclaimRequest(created.id, { to: 'approved', actor: 'approver-2', actorName: 'Bob', at: at(1) }),
      ]);

      assert.equal(results.filter((r) => r.ok).length, 1);
      const loser = results.find((r) => !r.ok);
      assert.equal(loser?.ok === false ? loser.current.status : null, 'approved');
      const intents = await store.listRemovalIntents(created.id);
      assert.deepEqual(intents.map((i) => [i.userId, i.state, i.skuId]), [['a', 'intended', SKU], ['b', 'intended', SKU]]);
      const audit = await store.listReclaimAudit(created.id);
      assert.deepEqual(audit.map((a) => a.action), ['created', 'approved']);
    });

    it('refuses a decision on a request that is no longer open, changing nothing', async function () {
      const { request: created } = await store.upsertReclaimRequest(request([seat('a')]));
      await store.decideReclaimRequest(created.id, { to: 'dismissed', actor: 'approver-1', actorName: 'Ada', at: at(1) });

      const late = await store.decideReclaimRequest(created.id, { to: 'approved', actor: 'approver-2', actorName: 'Bob', at: at(2) });

      assert.equal(late.ok, false);
      assert.equal(late.ok ? null : late.current.decidedBy, 'approver-1');
      assert.deepEqual(await store.listRemovalIntents(created.id), []);
    });

    it('reports busy while the SKU has an approved request and opens a new one after it is done', async function () {
      const { request: created } = await store.upsertReclaimRequest(request([seat('a')]));
      await store.decideReclaimRequest(created.id, { to: 'approved', actor: 'u', actorName: null, at: at(1) });

      assert.equal((await store.upsertReclaimRequest(request([seat('b')]))).change, 'busy');
      assert.equal((await store.finishReclaimRequest(created.id, at(2))).ok, false, 'a removal is still intended');
      assert.equal(await store.settleRemoval(created.id, 'a', { state: 'failed', code: 'DependencyViolation', message: 'Remove the add-on first' }, at(2)), true);
      assert.equal(await store.settleRemoval(created.id, 'a', { state: 'done' }, at(3)), false, 'an outcome is recorded once');
      const finished = await store.finishReclaimRequest(created.id, at(3));

      assert.equal(finished.ok && finished.request.status, 'done');
      assert.equal((await store.upsertReclaimRequest(request([seat('b')]))).change, 'created');
      const [removal] = await store.listRemovalIntents(created.id);
      assert.deepEqual([removal?.state, removal?.errorCode, removal?.errorMessage], ['failed', 'DependencyViolation', 'Remove the add-on first']);
      assert.deepEqual((await store.listReclaimAudit(created.id)).map((a) => a.action), ['created', 'approved', 'removal-failed', 'done']);
    });

    it('gives the execution claim to one claimant at a time until it runs out', async function () {
      const { request: created } = await store.upsertReclaimRequest(request([seat('a')]));
      assert.equal(await store.claimReclaimExecution(created.id, 'i1', at(0), at(5)), false, 'an open request cannot be executed');
      await store.decideReclaimRequest(created.id, { to: 'approved', actor: 'u', actorName: null, at: at(1) });

      const claims = await Promise.all([another().claimReclaimExecution(created.id, 'i1', at(1), at(5)), another().claimReclaimExecution(created.id, 'i2', at(1), at(5))]);
      assert.equal(claims.filter(Boolean).length, 1);
      const holder = claims[0] ? 'i1' : 'i2';
      const other = holder === 'i1' ? 'i2' : 'i1';
      assert.equal(await store.claimReclaimExecution(created.id, other, at(4), at(9)), false);
      assert.equal(await store.claimReclaimExecution(created.id, other, at(5), at(9)), true, 'a claim that ran out can be taken over');
      await store.releaseReclaimExecution(created.id, other);
      assert.equal(await store.claimReclaimExecution(created.id, holder, at(6), at(9)), true);
    });

    it('notes an attempt only on an intended removal', async function () {
      const { request: created } = await store.upsertReclaimRequest(request([seat('a')]));
      await store.decideReclaimRequest(created.id, { to: 'approved', actor: 'u', actorName: null, at: at(1) });

      assert.equal(await store.markRemovalAttempted(created.id, 'a', at(2)), true);
      assert.equal((await store.listRemovalIntents(created.id))[0]?.attemptedAt, at(2));
      await store.settleRemoval(created.id, 'a', { state: 'done' }, at(3));
      assert.equal(await store.markRemovalAttempted(created.id, 'a', at(4)), false);
    });

    it('records a group to reprocess once per source and its outcome once', async function () {
      await store.recordReprocessIntents('reclaim:r1', SKU, [{ groupId: 'g1', groupName: 'Sales' }, { groupId: 'g2', groupName: 'Finance' }], at(1));
      await another().recordReprocessIntents('reclaim:r1', SKU, [{ groupId: 'g1', groupName: 'Sales' }], at(2));
      await store.recordReprocessIntents('suggestion:s1', SKU, [{ groupId: 'g1', groupName: 'Sales' }], at(2));

      assert.deepEqual((await store.listReprocessIntents({ source: 'reclaim:r1' })).map((i) => [i.groupId, i.intendedAt]), [['g1', at(1)], ['g2', at(1)]]);
      assert.equal(await store.markReprocessAttempted('reclaim:r1', 'g1', at(3)), true);
      assert.equal(await store.markReprocessAttempted('reclaim:r1', 'g1', at(3)), false, 'a second attempt is refused');
      assert.equal(await store.settleReprocess('reclaim:r1', 'g1', { state: 'done' }, at(3)), true);
      assert.equal(await store.settleReprocess('reclaim:r1', 'g1', { state: 'done' }, at(4)), false);
      assert.deepEqual((await store.listReprocessIntents({ unfinished: true })).map((i) => [i.source, i.groupId]), [['reclaim:r1', 'g2'], ['suggestion:s1', 'g1']]);
      assert.deepEqual((await store.listReclaimAudit('r1')).map((a) => [a.action, a.groupId]), [['reprocessed', 'g1']]);
    });

    it('remembers the card of each conversation without changing the version', async function () {
      const { request: created } = await store.upsertReclaimRequest(request([seat('a')]));
      await store.setReclaimCardActivity(created.id, 'c1', 'act-1');
      await store.setReclaimCardActivity(created.id, 'c2', 'act-2');

      const read = await store.getReclaimRequest(created.id);
      assert.deepEqual(read?.cardActivities, { c1: 'act-1', c2: 'act-2' });
      assert.equal(read?.version, created.version);
    });

    it('accepts reclaim-card messages in the outbox', async function () {
      const ids = await store.enqueueOutbox([{ kind: 'reclaim-card', target: 'c1', payload: { requestId: 'r1' }, dedupeKey: 'reclaim:r1:post:c1' }]);
      assert.equal(ids.length, 1);
      assert.equal((await store.listOutbox({ kind: 'reclaim-card' }))[0]?.kind, 'reclaim-card');
    });

    it('refuses bad input with a ValidationError and stores nothing', async function () {
      await assert.rejects(store.upsertReclaimRequest(request([seat('a'), seat('a')])), ValidationError);
      await assert.rejects(store.upsertReclaimRequest({ ...request([seat('a')]), scanAsOf: 'yesterday' }), ValidationError);
      await assert.rejects(store.upsertReclaimRequest(request([{ ...seat('a'), userId: '' }])), ValidationError);
      assert.deepEqual(await store.listReclaimRequests(), []);
    });
  });
}
