import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAdapter } from '../../src/bot/create-adapter';
import { ProactiveChannelSender } from '../../src/bot/proactive-channel-sender';
import { loadConfig } from '../../src/config';
import { DeliveryError } from '../../src/delivery/delivery-error';
import { silentLogger } from '../../src/logger';
import { createStore } from '../../src/store/create-store';
import type { Store } from '../../src/store/store';
import { LocalConnector } from '../support/local-connector';
import { watchChannel } from '../support/watched-channel';

const REPLY = { card: { type: 'AdaptiveCard', version: '1.5', body: [] }, summary: 'Headroom test' };

describe('ProactiveChannelSender', () => {
  let connector: LocalConnector;
  let store: Store;
  let dataDir: string;
  let sender: ProactiveChannelSender;

  beforeEach(async () => {
    connector = await new LocalConnector().start();
    dataDir = mkdtempSync(path.join(tmpdir(), 'headroom-proactive-'));
    store = await createStore({ databaseUrl: null, dataDir }, silentLogger);
    const adapter = createAdapter(loadConfig({}).bot, silentLogger);
    sender = new ProactiveChannelSender({ adapter, appId: null, store });
  });

  afterEach(async () => {
    await store.close();
    await connector.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('posts the card to the stored conversation and returns the activity id', async () => {
    const conversationId = await watchChannel(store, connector.url);

    const { activityId } = await sender.send(conversationId, REPLY);

    const [call] = connector.sent();
    assert.equal(call.conversationId, conversationId);
    assert.equal(call.assignedId, activityId);
    assert.equal(call.body.summary, 'Headroom test');
  });

  it('starts a new post rather than a reply in the thread the reference came from', async () => {
    await watchChannel(store, connector.url, '19:alerts@thread.tacv2;messageid=1700000000000');

    await sender.send('19:alerts@thread.tacv2;messageid=1700000000000', REPLY);

    assert.equal(connector.sent()[0].conversationId, '19:alerts@thread.tacv2');
  });

  it('updates a card it sent earlier', async () => {
    const conversationId = await watchChannel(store, connector.url);
    const { activityId } = await sender.send(conversationId, REPLY);

    await sender.update(conversationId, activityId, { ...REPLY, summary: 'updated' });

    const [update] = connector.updates();
    assert.equal(update.activityId, activityId);
    assert.equal(update.body.summary, 'updated');
  });

  it('rethrows a connector refusal as a DeliveryError with its status', async () => {
    const conversationId = await watchChannel(store, connector.url);
    connector.failNext(403);

    await assert.rejects(sender.send(conversationId, REPLY), (error: unknown) => error instanceof DeliveryError && error.status === 403);
  });

  it('fails permanently when no conversation reference is stored', async () => {
    await assert.rejects(
      sender.send('19:unknown@thread.tacv2', REPLY),
      (error: unknown) => error instanceof DeliveryError && error.status === null && error.permanent,
    );
  });
});
