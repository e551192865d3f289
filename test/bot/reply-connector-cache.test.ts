import assert from 'node:assert/strict';
import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import type { ConnectorFactory } from 'botframework-connector';
import { ReplyConnectorCache } from '../../src/bot/bounded-reply-connector';

/** The connector factory botbuilder itself gives an activity (no app id: the demo and local set-up). */
async function factoryOfOneTurn(serviceUrl = 'http://127.0.0.1:1/'): Promise<ConnectorFactory> {
  const activity = { type: 'message', channelId: 'msteams', serviceUrl, conversation: { id: 'a:1' } } as Activity;
  const result = await new ConfigurationBotFrameworkAuthentication({}).authenticateRequest(activity, '');
  assert.ok(result.connectorFactory, 'botbuilder gave no connector factory');
  return result.connectorFactory;
}

/** Counts the clients a factory really makes. */
function counting(factory: ConnectorFactory): { factory: ConnectorFactory; made: () => number } {
  let made = 0;
  const create = factory.create.bind(factory);
  factory.create = (serviceUrl: string, audience?: string) => {
    made += 1;
    return create(serviceUrl, audience);
  };
  return { factory, made: () => made };
}

describe('ReplyConnectorCache', () => {
  it("shares one client between turns of the same bot, serviceUrl and audience, though each turn's factory is new", async () => {
    const cache = new ReplyConnectorCache();
    const first = counting(await factoryOfOneTurn());
    const second = counting(await factoryOfOneTurn());

    const a = await cache.factoryFor(first.factory).create('http://127.0.0.1:1/');
    const b = await cache.factoryFor(second.factory).create('http://127.0.0.1:1/');

    assert.equal(a, b);
    assert.equal(first.made() + second.made(), 1);
  });

  it('makes a client of its own for another serviceUrl or audience', async () => {
    const cache = new ReplyConnectorCache();
    const turn = counting(await factoryOfOneTurn());
    const shared = cache.factoryFor(turn.factory);

    const one = await shared.create('http://127.0.0.1:1/');
    const otherUrl = await shared.create('http://127.0.0.1:2/');
    const otherAudience = await shared.create('http://127.0.0.1:1/', 'https://api.botframework.us');

    assert.notEqual(one, otherUrl);
    assert.notEqual(one, otherAudience);
    assert.equal(turn.made(), 3);
    assert.equal(cache.size, 3);
  });

  it('keeps at most maxClients, dropping the oldest', async () => {
    const cache = new ReplyConnectorCache(2);
    const turn = counting(await factoryOfOneTurn());
    const shared = cache.factoryFor(turn.factory);

    const oldest = await shared.create('http://127.0.0.1:1/');
    await shared.create('http://127.0.0.1:2/');
    await shared.create('http://127.0.0.1:3/');
    const again = await shared.create('http://127.0.0.1:1/');

    assert.equal(cache.size, 2);
    assert.notEqual(again, oldest);
    assert.equal(turn.made(), 4);
  });

  it('does not keep a client that could not be made, and tries again next time', async () => {
    const cache = new ReplyConnectorCache();
    const turn = await factoryOfOneTurn();
    const create = turn.create.bind(turn);
    let fail = true;
    turn.create = (serviceUrl: string, audience?: string) => (fail ? Promise.reject(new Error('no credentials')) : create(serviceUrl, audience));

    await assert.rejects(cache.factoryFor(turn).create('http://127.0.0.1:1/'), /no credentials/);
    assert.equal(cache.size, 0);
    fail = false;
    assert.ok(await cache.factoryFor(turn).create('http://127.0.0.1:1/'));
    assert.equal(cache.size, 1);
  });

  it('shares nothing made by a factory that does not say which bot it acts for', async () => {
    const cache = new ReplyConnectorCache();
    const real = await factoryOfOneTurn();
    let made = 0;
    const anonymous: ConnectorFactory = {
      create: (serviceUrl: string, audience?: string) => {
        made += 1;
        return real.create(serviceUrl, audience);
      },
    };

    const a = await cache.factoryFor(anonymous).create('http://127.0.0.1:1/');
    const b = await cache.factoryFor(anonymous).create('http://127.0.0.1:1/');

    assert.notEqual(a, b);
    assert.equal(made, 2);
    assert.equal(cache.size, 0);
  });
});
