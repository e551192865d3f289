import assert from 'node:assert/strict';
import { silentLogger } from '../../src/logger';
import { OutboxDispatcher } from '../../src/delivery/outbox-dispatcher';
import type { OutboxSender } from '../../src/delivery/outbox-sender';
import { SqliteStore } from '../../src/store/sqlite-store';
import { captureLogger } from '../support/capture-logger';

describe('OutboxDispatcher', () => {
  const LEASE_MS = 60_000;
  let store: SqliteStore;
  let now: number;

  function dispatcher(claimant: string, send: OutboxSender, logger = silentLogger): OutboxDispatcher {
    return new OutboxDispatcher({ store, logger, claimant, claimLeaseMs: LEASE_MS, clock: () => new Date(now), senders: { webhook: send } });
  }

  beforeEach(async () => {
    store = new SqliteStore({ filename: ':memory:' });
    await store.migrate();
    now = Date.parse('2030-01-01T00:00:00.000Z');
    await store.enqueueOutbox([{ kind: 'webhook', target: 'https://procure.example/hook', payload: { n: 1 }, dedupeKey: 'w1' }]);
  });

  afterEach(async () => {
    await store.close();
  });

  it('keeps one sender per kind: a second sender for a kind is refused, and each kind goes only to its own', async () => {
    const delivered: string[] = [];
    const outbox = dispatcher('instance-a', async (message) => {
      delivered.push(`webhook:${message.dedupeKey}`);
      return {};
    });
    outbox.registerSender('suggestion-card', async (message) => {
      delivered.push(`card:${message.dedupeKey}`);
      return { activityId: 'card-activity' };
    });

    assert.throws(() => outbox.registerSender('webhook', async () => ({})), /already has a sender for kind webhook/);
    await store.enqueueOutbox([
      { kind: 'suggestion-card', target: '19:c@thread.tacv2', payload: { suggestionId: 's1' }, dedupeKey: 'c1' },
      { kind: 'channel', target: '19:c@thread.tacv2', payload: { suggestionId: 's1', card: {}, summary: 'x' }, dedupeKey: 'p1' },
    ]);
    await outbox.runOnce();

    assert.deepEqual(delivered.sort(), ['card:c1', 'webhook:w1']);
    const byKey = new Map((await store.listOutbox()).map((m) => [m.dedupeKey, m]));
    assert.deepEqual([byKey.get('c1')?.activityId, byKey.get('p1')?.deadAt !== null, byKey.get('p1')?.lastError], ['card-activity', true, 'no sender for kind channel']);
  });

  it('leaves a message to the instance that took it over while a slow send ran out its claim, and says so', async () => {
    const fast = dispatcher('instance-b', async () => ({ activityId: 'from-b' }));
    const captured = captureLogger();
    const slow = dispatcher(
      'instance-a',
      async () => {
        now += LEASE_MS + 1_000;
        await fast.runOnce();
        return { activityId: 'from-a' };
      },
      captured.logger,
    );

    await slow.runOnce();

    const [sent] = await store.listOutbox({ status: 'sent' });
    assert.deepEqual([sent?.activityId, sent?.attempts], ['from-b', 2]);
    const takeover = captured.lines.filter((line) => line.msg === 'another instance took over this message');
    assert.deepEqual(takeover.map((line) => [line.level, line.id, line.claimant]), [['info', sent?.id, 'instance-a']]);
  });

  it('does not record a failure for a message another instance has claimed since', async () => {
    const fast = dispatcher('instance-b', async () => {
      throw new Error('connection reset');
    });
    const slow = dispatcher('instance-a', async () => {
      now += LEASE_MS + 1_000;
      await fast.runOnce();
      throw new Error('timed out');
    });

    await slow.runOnce();

    const [pending] = await store.listOutbox({ status: 'pending' });
    assert.equal(pending?.lastError?.includes('connection reset'), true);
  });
});
