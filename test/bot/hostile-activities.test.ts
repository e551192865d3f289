import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { CONTOSO_IDS } from '../../src/demo-tenant/contoso-tenant';
import { startHarness, type Harness } from '../support/headroom-harness';


/** A conversation object like Teams sends, for cases that change only part of it. */
function conversation(id: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, conversationType: 'personal', tenantId: CONTOSO_IDS.tenantId, ...extra };
}

/** Every malformed shape the probe found, and a few more: each must be 400 before the bot runs. */
const MALFORMED: { name: string; activity: Record<string, unknown>; problem: RegExp }[] = [
  { name: 'from.id is a number', activity: { from: { id: 5, name: 'Ada' } }, problem: /"from\.id" must be non-empty text, not a number/ },
  { name: 'recipient.id is a number', activity: { recipient: { id: 5 } }, problem: /"recipient\.id" must be non-empty text/ },
  { name: 'channelId is a number', activity: { channelId: 5 }, problem: /"channelId" must be non-empty text/ },
  { name: 'locale is a number', activity: { locale: 5 }, problem: /"locale" must be text, not a number/ },
  { name: 'conversationType is a number', activity: { conversation: conversation('a:1', { conversationType: 5 }) }, problem: /"conversation\.conversationType" must be text/ },
  { name: 'conversation is missing', activity: { conversation: undefined }, problem: /"conversation" must be an object with an "id", not missing/ },
  { name: 'conversation is a string', activity: { conversation: 'a:1' }, problem: /"conversation" must be an object/ },
  { name: 'conversation.id is missing', activity: { conversation: conversation(undefined) }, problem: /"conversation\.id" must be non-empty text/ },
  { name: 'conversation.id is a number', activity: { conversation: conversation(42) }, problem: /"conversation\.id" must be non-empty text, not a number/ },
  { name: 'conversation.id has an emoji', activity: { conversation: conversation('a:chat-😀') }, problem: /"conversation\.id" must be printable ASCII/ },
  { name: 'conversation.id has a NUL', activity: { conversation: conversation('a:chat\u0000x') }, problem: /"conversation\.id" contains U\+0000/ },
  { name: 'serviceUrl is missing', activity: { serviceUrl: undefined }, problem: /"serviceUrl" must be an http\(s\) URL, not missing/ },
  { name: 'serviceUrl is a number', activity: { serviceUrl: 5 }, problem: /"serviceUrl" must be an http\(s\) URL, not a number/ },
  { name: 'serviceUrl is empty', activity: { serviceUrl: '' }, problem: /"serviceUrl" must be an http\(s\) URL, not empty/ },
  { name: 'serviceUrl is not a URL', activity: { serviceUrl: 'not a url' }, problem: /"serviceUrl" is not a URL/ },
  { name: 'serviceUrl is a file: URL', activity: { serviceUrl: 'file:///etc/passwd' }, problem: /"serviceUrl" must be an http\(s\) URL, not file:/ },
  { name: 'type is a number', activity: { type: 7 }, problem: /"type" must be non-empty text/ },
  { name: 'from.id has a lone surrogate', activity: { from: { id: '29:\ud800' } }, problem: /"from\.id" contains U\+D800 \(a lone surrogate\)/ },
  { name: 'timestamp is not a time', activity: { timestamp: 'yesterday-ish' }, problem: /"timestamp" must be an ISO 8601 time/ },
  { name: 'from.name has a NUL', activity: { from: { id: '29:user', name: 'Ada\u0000' } }, problem: /"from\.name" contains U\+0000/ },
  { name: 'channelData.team.name has an escape character', activity: { channelData: { tenant: { id: CONTOSO_IDS.tenantId }, team: { id: '19:t@thread.tacv2', name: 'Ops\u001b[0m' } } }, problem: /"channelData\.team\.name" contains U\+001B/ },
  { name: 'conversation.name has a lone surrogate', activity: { conversation: conversation('19:c@thread.tacv2', { name: 'x\udfff' }) }, problem: /"conversation\.name" contains U\+DFFF/ },
  { name: 'entities is an object', activity: { entities: { type: 'mention' } }, problem: /"entities" must be an array/ },
];

/** Conversation ids as Teams and the Emulator really send them (checked against Microsoft's samples). */
const VALID_CONVERSATION_IDS = [
  'a:1bT8Gx4kJ2mN5pQ7rS9tU0vW1xY2zA3bC4dE5fG6hH7iJ8kL9mN0oP1qR2sT3uV4wX5yZ6aB7cD8eF9gH0iJ1kL',
  '19:ba9feb7470794dbeab58e3f72ef20a6e@thread.skype;messageid=1649887612801',
  '19:meeting_MjdhNjM4YzUtYzExZi00OTFkLTkzMTAtNmE2NjYxYWJiNzBm@thread.v2',
  '19:a1B2-c3_d4.e5@unq.gbl.spaces',
  '7a9d3c1e-2f4b-4c8d-9e0f-1a2b3c4d5e6f|livechat',
];

function linesSince(harness: Harness, start: number, level: string): Record<string, unknown>[] {
  return harness.logLines.slice(start).filter((line) => line.level === level);
}

/** A loopback port nobody listens on: connections to it are refused at once. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') {
    throw new Error('no port');
  }
  return address.port;
}

describe('hostile activities on /api/messages', () => {
  let harness: Harness;

  before(async () => {
    harness = await startHarness();
  });
  after(async () => {
    await harness.stop();
  });

  for (const input of MALFORMED) {
    it(`answers 400 with a JSON error and one warning when ${input.name}, before the bot runs`, async () => {
      const logStart = harness.logLines.length;
      const conversationId = `a:malformed-${Math.random().toString(36).slice(2)}`;

      const { status, body, replies } = await harness.send({ text: 'licenses', conversationId, activity: input.activity });

      assert.equal(status, 400);
      const error = String((JSON.parse(body) as { error?: unknown }).error);
      assert.match(error, /^Not a valid Bot Framework activity: /);
      assert.match(error, input.problem);
      assert.deepEqual(replies, []);
      assert.equal(linesSince(harness, logStart, 'warn').length, 1);
      assert.equal(linesSince(harness, logStart, 'error').length, 0);
      assert.equal(harness.logLines.length - logStart, 1, 'exactly one log line');
      assert.equal(await harness.headroom.store.getConversationReference(conversationId), null);
    });
  }

  for (const conversationId of VALID_CONVERSATION_IDS) {
    it(`answers a message in conversation ${conversationId.slice(0, 24)}…, a real id shape`, async () => {
      const { status, replies } = await harness.send({ text: 'help', conversationId });

      assert.equal(status, 200);
      assert.equal(replies.length, 1);
      assert.equal(replies[0]?.conversationId, conversationId);
    });
  }

  for (const text of [5, {}, [], null, true]) {
    it(`answers a message whose text is ${JSON.stringify(text)} with the help card, not an apology`, async () => {
      const logStart = harness.logLines.length;

      const { status, replies } = await harness.send({ activity: { text } });

      assert.equal(status, 200);
      assert.equal(replies.length, 1);
      const reply = JSON.stringify(replies[0]?.body);
      assert.doesNotMatch(reply, /Sorry, something went wrong/);
      assert.match(String(replies[0]?.body.summary), /help|can ask|commands/i);
      assert.equal(linesSince(harness, logStart, 'error').length, 0);
    });
  }

  it('replaces a NUL in chat text instead of failing, and still answers the question', async () => {
    const { card } = await harness.ask('how many E3\u0000 left?');

    assert.match(JSON.stringify(card), /Microsoft 365 E3/);
  });

  it('answers a message longer than 1,000 characters politely as too long', async () => {
    const { card, summary } = await harness.ask(`how many E3 left? ${'please '.repeat(200)}`);

    assert.match(`${summary} ${JSON.stringify(card)}`, /too long/i);
    assert.match(JSON.stringify(card), /1,000 characters/);
  });

  for (const [name, text] of [
    ['punctuation that once backtracked', `${'!'.repeat(200_000)}a`],
    ['unclosed tags', '<'.repeat(200_000)],
    ['one endless word', 'e'.repeat(200_000)],
  ] as const) {
    it(`answers a 200 KB message of ${name} as too long, quickly, while /healthz stays responsive`, async () => {
      const started = Date.now();
      const turn = harness.send({ text }).then((answer) => ({ ...answer, at: Date.now() }));
      const health = await fetch(`${harness.headroom.url}/healthz`);
      const healthAt = Date.now();
      const answer = await turn;

      assert.equal(health.status, 200);
      assert.equal(answer.status, 200);
      assert.equal(answer.replies.length, 1);
      assert.match(JSON.stringify(answer.replies[0]?.body), /too long/i);
      // Loose bounds for a loaded machine; the speed target itself is in the bench notes.
      assert.ok(answer.at - started < 5_000, `the turn took ${answer.at - started} ms`);
      assert.ok(healthAt - started < 5_000, `/healthz took ${healthAt - started} ms`);
    });
  }

  it('answers a 1 MB activity 413 with a JSON error saying it is too large, quickly, while /healthz stays responsive', async () => {
    const started = Date.now();
    const big = harness.send({ text: `how many E3 left? ${'x'.repeat(1024 * 1024)}` }).then((answer) => ({ ...answer, at: Date.now() }));
    const health = await fetch(`${harness.headroom.url}/healthz`);
    const healthAt = Date.now();
    const answer = await big;

    assert.equal(health.status, 200);
    assert.equal(answer.status, 413);
    assert.match(String((JSON.parse(answer.body) as { error?: unknown }).error), /larger than 256 KiB/);
    assert.deepEqual(answer.replies, []);
    assert.ok(answer.at - started < 5_000, `the 1 MB request took ${answer.at - started} ms`);
    assert.ok(healthAt - started < 5_000, `/healthz took ${healthAt - started} ms`);
  });

  for (const serviceUrl of ['http://169.254.169.254/latest/meta-data/', 'https://smba.trafficmanager.net/emea/', 'http://localhost.evil.example/', 'http://10.0.0.5:3978/']) {
    it(`without an app id, drops an activity whose serviceUrl is ${serviceUrl} and stores no reference`, async () => {
      const logStart = harness.logLines.length;
      const conversationId = `a:untrusted-${Math.random().toString(36).slice(2)}`;

      const { status, body, replies } = await harness.send({ text: 'help', conversationId, serviceUrl });

      assert.equal(status, 403);
      assert.match(String((JSON.parse(body) as { error?: unknown }).error), /serviceUrl is on this machine/);
      assert.deepEqual(replies, []);
      assert.equal(linesSince(harness, logStart, 'warn').length, 1);
      assert.equal(await harness.headroom.store.getConversationReference(conversationId), null);
    });
  }

  it('without an app id, answers and stores the reference for a serviceUrl on localhost', async () => {
    const conversationId = `a:loopback-${Math.random().toString(36).slice(2)}`;
    const serviceUrl = harness.connector.url.replace('127.0.0.1', 'localhost');

    const { status, replies } = await harness.send({ text: 'help', conversationId, serviceUrl });

    assert.equal(status, 200);
    assert.equal(replies.length, 1);
    const stored = await harness.headroom.store.getConversationReference(conversationId);
    assert.equal((stored?.reference as { serviceUrl?: unknown } | undefined)?.serviceUrl, serviceUrl);
  });

  it('logs an undeliverable reply once with its cause and answers 502 within a few seconds', async () => {
    const logStart = harness.logLines.length;
    const started = Date.now();

    const { status, body } = await harness.send({ text: 'help', serviceUrl: `http://127.0.0.1:${await deadPort()}/` });
    const took = Date.now() - started;

    assert.equal(status, 502);
    assert.match(String((JSON.parse(body) as { error?: unknown }).error), /could not be delivered/);
    const errors = linesSince(harness, logStart, 'error');
    assert.equal(errors.length, 1, JSON.stringify(errors));
    assert.equal(errors[0]?.msg, 'could not deliver a reply to the channel');
    assert.match(String(errors[0]?.cause), /ECONNREFUSED/);
    assert.ok(took < 8_000, `the answer took ${took} ms`);
  });

  it('refuses card data with a NUL in an invoke with a 400 naming the field, changing nothing', async () => {
    const { status, body } = await harness.send({
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'reservation.approve', data: { suggestionId: 'abc\u0000def' } } },
    });

    assert.equal(status, 200);
    const invoke = JSON.parse(body) as { statusCode: number; value: { message: string } };
    assert.equal(invoke.statusCode, 400);
    assert.match(invoke.value.message, /"data\.suggestionId" contains U\+0000/);
  });
});
