import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OutboxDispatcher } from '../../src/delivery/outbox-dispatcher';
import { silentLogger } from '../../src/logger';
import { reservationWebhookSender } from '../../src/reservations/reservation-webhook-sender';
import { createStore } from '../../src/store/create-store';
import type { Store } from '../../src/store/store';
import { WebhookReceiver } from '../support/webhook-receiver';

const SECRET = 'a-webhook-secret-of-32-characters!!';

/** How a receiver checks the signature: its own HMAC of the raw body, compared in constant time. */
function signatureMatches(rawBody: string, header: string | string[] | undefined, secret: string): boolean {
  if (typeof header !== 'string' || !header.startsWith('sha256=')) {
    return false;
  }
  const expected = Buffer.from(createHmac('sha256', secret).update(rawBody).digest('hex'), 'hex');
  const given = Buffer.from(header.slice('sha256='.length), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

describe('reservationWebhookSender', function () {
  this.timeout(10_000);
  let receiver: WebhookReceiver;
  let store: Store;
  let dataDir: string;
  let clock: Date;
  let dispatcher: OutboxDispatcher;

  beforeEach(async () => {
    receiver = await new WebhookReceiver().start();
    dataDir = mkdtempSync(path.join(tmpdir(), 'headroom-webhook-'));
    store = await createStore({ databaseUrl: null, dataDir }, silentLogger);
    clock = new Date(Date.now() + 1_000);
    dispatcher = new OutboxDispatcher({
      store,
      logger: silentLogger,
      clock: () => clock,
      senders: { webhook: reservationWebhookSender({ secret: SECRET, timeoutMs: 2_000 }) },
      backoff: { baseMs: 1_000, maxMs: 60_000, maxAttempts: 5 },
      random: () => 1,
    });
  });

  afterEach(async () => {
    await dispatcher.stop();
    await store.close();
    await receiver.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function enqueue(): Promise<void> {
    await store.enqueueOutbox([
      { kind: 'webhook', target: receiver.url, payload: { event: 'reservation.approved', suggestionId: 's-1', quantity: 24 }, dedupeKey: 'suggestion:s-1:approved:webhook' },
    ]);
  }

  /** Runs the dispatcher, then moves the clock past any backoff. */
  async function dispatchRounds(rounds: number): Promise<void> {
    for (let round = 0; round < rounds; round += 1) {
      await dispatcher.runOnce();
      clock = new Date(clock.getTime() + 10 * 60_000);
    }
  }

  it('retries an endpoint that fails twice, then delivers the signed JSON once', async () => {
    receiver.answerNext(503, 500);
    await enqueue();

    await dispatchRounds(4);

    assert.deepEqual(receiver.received.map((request) => request.status), [503, 500, 200]);
    const delivered = receiver.received[2];
    assert.ok(signatureMatches(delivered.body, delivered.headers['x-headroom-signature'], SECRET));
    assert.ok(!signatureMatches(delivered.body, delivered.headers['x-headroom-signature'], 'another-secret-of-enough-length'));
    assert.equal(delivered.headers['content-type'], 'application/json');
    assert.equal(delivered.headers['x-headroom-delivery'], 'suggestion:s-1:approved:webhook');
    assert.deepEqual(JSON.parse(delivered.body), { event: 'reservation.approved', suggestionId: 's-1', quantity: 24 });
    const [message] = await store.listOutbox({ kind: 'webhook' });
    assert.notEqual(message.sentAt, null);
  });

  it('keeps retrying a 408 and a 429', async () => {
    receiver.answerNext(408, 429);
    await enqueue();

    await dispatchRounds(4);

    assert.deepEqual(receiver.received.map((request) => request.status), [408, 429, 200]);
  });

  it('gives up on a 400: the receiver refused the request itself', async () => {
    receiver.answerNext(400);
    await enqueue();

    await dispatchRounds(3);

    assert.equal(receiver.received.length, 1);
    const [message] = await store.listOutbox({ kind: 'webhook' });
    assert.notEqual(message.deadAt, null);
  });

  it('loses nothing while the endpoint is down: the message waits in the outbox', async () => {
    await receiver.stop();
    await enqueue();

    await dispatchRounds(2);

    const [message] = await store.listOutbox({ kind: 'webhook' });
    assert.equal(message.sentAt, null);
    assert.equal(message.deadAt, null);
    assert.equal(message.attempts, 2);
  });
});
