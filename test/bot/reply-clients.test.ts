import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { AuthenticationConstants, ClaimsIdentity, type ConnectorClient, type ConnectorFactory } from 'botframework-connector';
import { boundReplyClient } from '../../src/bot/bounded-reply-connector';
import { ClientCache } from '../../src/bot/client-cache';
import { ReplyConnectorClients } from '../../src/bot/reply-connector-clients';
import { StrictBotFrameworkAuthentication } from '../../src/bot/strict-bot-authentication';
import { startHarness, type Harness } from '../support/headroom-harness';
import { LocalConnector } from '../support/local-connector';
import { closeNow, listenOnLoopback } from '../support/loopback-server';

/**
 * A channel that resets the connection of its first `resets` requests as they arrive, as a channel
 * closing an idle kept-alive connection does when a reply goes out on it, and accepts the rest.
 */
async function resettingChannel(resets: number): Promise<{ url: string; requests: () => number; accepted: () => number; close: () => Promise<void> }> {
  let requests = 0;
  let accepted = 0;
  const server: Server = createServer((req, res) => {
    requests += 1;
    if (requests <= resets) {
      req.socket.destroy();
      return;
    }
    req.resume();
    req.on('end', () => {
      accepted += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `reply-${accepted}` }));
    });
  });
  const url = `${await listenOnLoopback(server)}/`;
  return { url, requests: () => requests, accepted: () => accepted, close: () => closeNow(server) };
}

function claimsFor(appId: string): ClaimsIdentity {
  return new ClaimsIdentity([{ type: AuthenticationConstants.AudienceClaim, value: appId }], true);
}

/** botbuilder's own connector factory for `appId`, counting the clients it builds. */
function countingFactory(auth: StrictBotFrameworkAuthentication, appId: string): { factory: ConnectorFactory; made: () => number } {
  const real = auth.createConnectorFactory(claimsFor(appId));
  let made = 0;
  return {
    factory: {
      create: async (serviceUrl: string, audience?: string) => {
        made += 1;
        return real.create(serviceUrl, audience);
      },
    },
    made: () => made,
  };
}

/** The names of the policies in a connector client's Azure core pipeline. */
function policyNames(client: ConnectorClient): string[] {
  const pipeline = (client as unknown as { client: { pipeline: { getOrderedPolicies(): { name: string }[] } } }).client.pipeline;
  return pipeline.getOrderedPolicies().map((policy) => policy.name);
}

describe('a client cache', () => {
  it('makes a client once per key and shares it, also while it is still being made', async () => {
    const cache = new ClientCache<{ key: string }>(4);
    let made = 0;
    const make = (key: string) => async () => {
      made += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { key };
    };

    const [first, second] = await Promise.all([cache.get('a', make('a')), cache.get('a', make('a'))]);
    const other = await cache.get('b', make('b'));

    assert.equal(first, second);
    assert.equal(other.key, 'b');
    assert.equal(made, 2);
  });

  it('drops the least recently used client when full', async () => {
    const cache = new ClientCache<string>(2);
    const made: string[] = [];
    const make = (key: string) => async () => {
      made.push(key);
      return key;
    };
    await cache.get('a', make('a'));
    await cache.get('b', make('b'));
    await cache.get('a', make('a'));
    await cache.get('c', make('c'));
    await cache.get('a', make('a'));
    await cache.get('b', make('b'));

    assert.deepEqual(made, ['a', 'b', 'c', 'b']);
    assert.equal(cache.size, 2);
  });

  it('forgets a client that could not be made, so the next caller tries again', async () => {
    const cache = new ClientCache<string>(2);
    await assert.rejects(cache.get('a', () => Promise.reject(new Error('token endpoint down'))), /token endpoint down/);

    assert.equal(cache.size, 0);
    assert.equal(await cache.get('a', async () => 'made the second time'), 'made the second time');
  });

  it('refuses a size below one', () => {
    assert.throws(() => new ClientCache(0), /at least one client, not 0/);
  });
});

describe('reply connector clients', () => {
  const auth = new StrictBotFrameworkAuthentication({});

  it("reuses botbuilder's client for the same bot, audience and serviceUrl, with the reply deadline added once", async () => {
    const { factory, made } = countingFactory(auth, 'bot-a');
    const clients = new ReplyConnectorClients((client) => boundReplyClient(client));

    const first = await clients.factoryFor(factory, claimsFor('bot-a')).create('https://smba.trafficmanager.net/emea/');
    const again = await clients.factoryFor(factory, claimsFor('bot-a')).create('https://smba.trafficmanager.net/emea/');

    assert.equal(again, first);
    assert.equal(made(), 1);
    assert.equal(policyNames(first).filter((name) => name === 'headroomReplyDeadline').length, 1);
    assert.ok(!policyNames(first).some((name) => /retry/i.test(name)), `no retry policy left: ${policyNames(first).join(', ')}`);
  });

  it('makes a client of its own for another serviceUrl, another audience or another bot', async () => {
    const a = countingFactory(auth, 'bot-a');
    const b = countingFactory(auth, 'bot-b');
    const clients = new ReplyConnectorClients((client) => client);

    const base = await clients.factoryFor(a.factory, claimsFor('bot-a')).create('https://smba.trafficmanager.net/emea/');
    const otherUrl = await clients.factoryFor(a.factory, claimsFor('bot-a')).create('https://smba.trafficmanager.net/amer/');
    const otherAudience = await clients.factoryFor(a.factory, claimsFor('bot-a')).create('https://smba.trafficmanager.net/emea/', 'api://another-bot');
    const otherBot = await clients.factoryFor(b.factory, claimsFor('bot-b')).create('https://smba.trafficmanager.net/emea/');

    assert.equal(new Set([base, otherUrl, otherAudience, otherBot]).size, 4);
    assert.equal(a.made() + b.made(), 4);
    const baseUri = (client: ConnectorClient): string => (client as unknown as { baseUri: string }).baseUri;
    assert.equal(baseUri(otherUrl), 'https://smba.trafficmanager.net/amer/');
  });

  it("makes botbuilder's user token client once per bot", async () => {
    const first = await auth.createUserTokenClient(claimsFor('bot-a'));
    const again = await auth.createUserTokenClient(claimsFor('bot-a'));
    const otherBot = await auth.createUserTokenClient(claimsFor('bot-b'));

    assert.equal(again, first);
    assert.notEqual(otherBot, first);
  });
});

describe('replies through reused clients, over HTTP', () => {
  let harness: Harness;
  let second: LocalConnector;

  before(async () => {
    harness = await startHarness();
    second = await new LocalConnector().start();
  });
  after(async () => {
    await harness.stop();
    await second.stop();
  });

  it('delivers each reply to the serviceUrl of its own activity when two alternate', async () => {
    harness.connector.clear();
    second.clear();
    const targets = [harness.connector, second, harness.connector, second, second, harness.connector];

    for (const [index, target] of targets.entries()) {
      const { status } = await harness.send({ text: 'help', serviceUrl: target.url, conversationId: `a:alternating-${index}` });
      assert.equal(status, 200);
    }

    const conversationsAt = (connector: LocalConnector): string[] => connector.sent().map((call) => call.conversationId);
    assert.deepEqual(conversationsAt(harness.connector), ['a:alternating-0', 'a:alternating-2', 'a:alternating-5']);
    assert.deepEqual(conversationsAt(second), ['a:alternating-1', 'a:alternating-3', 'a:alternating-4']);
  });

  it('fails a reply the connector refuses at once, without a retry, and the next turn on the same serviceUrl gets through', async () => {
    second.clear();
    second.failNext(503);

    const refused = await harness.send({ text: 'help', serviceUrl: second.url, conversationId: 'a:refused-once' });
    const next = await harness.send({ text: 'help', serviceUrl: second.url, conversationId: 'a:refused-once' });

    // Had the refused reply been retried, the retry would have been accepted and the turn answered 200.
    assert.equal(refused.status, 502);
    assert.equal(next.status, 200);
    assert.deepEqual(
      second.sent().map((call) => call.conversationId),
      ['a:refused-once'],
    );
  });

  /** One "help" turn whose reply goes to a channel resetting its first `resets` requests. */
  async function turnThroughResets(resets: number, conversationId: string): Promise<{ status: number; requests: number; accepted: number }> {
    const channel = await resettingChannel(resets);
    try {
      const { status } = await harness.send({ text: 'help', serviceUrl: channel.url, conversationId });
      return { status, requests: channel.requests(), accepted: channel.accepted() };
    } finally {
      await channel.close();
    }
  }

  it('sends a reply once more when the channel resets the connection before answering, and delivers it once', async () => {
    assert.deepEqual(await turnThroughResets(1, 'a:reset-once'), { status: 200, requests: 2, accepted: 1 });
  });

  it('gives up with 502 when the connection is reset again: one more attempt, no more', async () => {
    assert.deepEqual(await turnThroughResets(5, 'a:reset-twice'), { status: 502, requests: 2, accepted: 0 });
  });
});
