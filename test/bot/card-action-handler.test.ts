import assert from 'node:assert/strict';
import type { Server } from 'restify';
import { CardActionHandler } from '../../src/bot/card-action-handler';
import { createAdapter } from '../../src/bot/create-adapter';
import { HeadroomBot } from '../../src/bot/headroom-bot';
import { createMessageProcessor } from '../../src/bot/message-processor';
import { TenantAllowlist } from '../../src/bot/tenant-allowlist';
import { buildMessageCard, summarizeMessage } from '../../src/cards/message-card';
import { renderCard } from '../../src/cards/render-card';
import type { CardActionOutcome, CardActionRequest } from '../../src/chat/card-action';
import { CardActionRegistry } from '../../src/chat/card-action-registry';
import type { ChatRequest } from '../../src/chat/chat-request';
import { createServer } from '../../src/server';
import { teamsActivity, type ActivityOptions } from '../support/activity-factory';
import { cardText } from '../support/card-text';
import { captureLogger } from '../support/capture-logger';
import { LocalConnector, type ConnectorCall } from '../support/local-connector';
import { closeNow, listenOnLoopback } from '../support/loopback-server';

const TENANT_ID = '3f6a1c2e-8b4d-4e7f-9a10-5c2b7d8e9f01';
const USER_ID = 'd1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5f6';

interface InvokeBody {
  statusCode: number;
  type: string;
  value: { code?: string; message?: string; body?: unknown[] } & Record<string, unknown>;
}

function replyCard(text: string): CardActionOutcome {
  const message = { title: 'Test card', text, tone: 'good' as const };
  return { kind: 'card', reply: { card: renderCard('message', buildMessageCard(message)), summary: summarizeMessage(message) } };
}

function cardOf(call: ConnectorCall): Record<string, unknown> {
  const attachments = call.body.attachments as { content: Record<string, unknown> }[] | undefined;
  assert.ok(attachments?.[0], JSON.stringify(call.body).slice(0, 300));
  return attachments[0].content;
}

/** The bot edge alone (adapter, activity handler, restify) with a registry of test verbs, over HTTP. */
describe('CardActionHandler', () => {
  let connector: LocalConnector;
  let server: Server;
  let url: string;
  let seen: CardActionRequest[];
  let chatRequests: ChatRequest[];
  let logLines: Record<string, unknown>[];

  before(async () => {
    connector = await new LocalConnector().start();
    const captured = captureLogger();
    logLines = captured.lines;
    const registry = new CardActionRegistry();
    registry.register('test.echo', (request) => {
      seen.push(request);
      return Promise.resolve(replyCard(`echo ${JSON.stringify(request.data)}`));
    });
    registry.register('test.refuse', () => Promise.resolve({ kind: 'error', statusCode: 403, code: 'Forbidden', message: 'Not for you. Nothing was changed.' }));
    registry.register('test.crash', () => Promise.reject(new Error('handler exploded with Bearer abc.def')));
    const logger = captured.logger;
    const adapter = createAdapter({ appId: null, appPassword: null, appType: 'MultiTenant', appTenantId: null, openIdMetadataUrl: null }, logger);
    const bot = new HeadroomBot({
      responder: {
        respond: (request) => {
          chatRequests.push(request);
          const message = { title: 'Chat', text: `you said ${request.text}`, tone: 'default' as const };
          return Promise.resolve({ card: renderCard('message', buildMessageCard(message)), summary: summarizeMessage(message) });
        },
      },
      allowlist: new TenantAllowlist({ kind: 'list', tenantIds: [TENANT_ID] }, logger),
      logger,
      cardActions: new CardActionHandler(registry, logger),
    });
    server = createServer({ logger, processMessage: createMessageProcessor(adapter, bot, logger, { authenticates: false }), health: () => ({}), apiKey: null, apiRoutes: [] });
    url = await listenOnLoopback(server.server);
  });

  after(async () => {
    await closeNow(server?.server ?? null);
    await connector?.stop();
  });

  beforeEach(() => {
    seen = [];
    chatRequests = [];
    connector.clear();
    logLines.length = 0;
  });

  async function post(options: Partial<ActivityOptions> & { replyToId?: string }): Promise<{ status: number; text: string }> {
    const activity = { ...teamsActivity({ serviceUrl: connector.url, tenantId: TENANT_ID, userAadObjectId: USER_ID, userName: 'Megan Bowen', ...options }) };
    if (options.replyToId !== undefined) {
      activity.replyToId = options.replyToId;
    }
    const response = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    return { status: response.status, text: await response.text() };
  }

  async function invoke(value: unknown): Promise<{ status: number; body: InvokeBody }> {
    const { status, text } = await post({ type: 'invoke', name: 'adaptiveCard/action', value });
    return { status, body: JSON.parse(text) as InvokeBody };
  }

  it('hands an Action.Execute to its verb\'s handler with the actor and tenant, and answers with the card', async () => {
    const answer = await invoke({ action: { type: 'Action.Execute', verb: 'test.echo', data: { id: 'x-1', quantity: '3' } }, trigger: 'manual' });

    assert.equal(answer.status, 200);
    assert.equal(answer.body.statusCode, 200);
    assert.equal(answer.body.type, 'application/vnd.microsoft.card.adaptive');
    assert.match(cardText(answer.body.value), /echo \{"id":"x-1","quantity":"3"\}/);
    assert.deepEqual(seen, [{ verb: 'test.echo', data: { id: 'x-1', quantity: '3' }, tenantId: TENANT_ID, actor: { aadObjectId: USER_ID, name: 'Megan Bowen' } }]);
  });

  it('answers an unknown verb with a 400 error body over HTTP 200 and runs no handler', async () => {
    const answer = await invoke({ action: { type: 'Action.Execute', verb: 'reservation.approve', data: {} }, trigger: 'manual' });

    assert.equal(answer.status, 200);
    assert.deepEqual([answer.body.statusCode, answer.body.type, answer.body.value.code], [400, 'application/vnd.microsoft.error', 'BadRequest']);
    assert.deepEqual(seen, []);
  });

  it('answers a malformed invoke value with a 400 error body over HTTP 200', async () => {
    for (const value of [null, 'approve', { action: 'x' }, { action: { verb: 42 } }]) {
      const answer = await invoke(value);

      assert.equal(answer.status, 200, JSON.stringify(value));
      assert.equal(answer.body.statusCode, 400, JSON.stringify(value));
    }
    assert.deepEqual(seen, []);
  });

  it('passes a handler\'s error outcome through with its status, code and message', async () => {
    const answer = await invoke({ action: { type: 'Action.Execute', verb: 'test.refuse', data: {} } });

    assert.equal(answer.status, 200);
    assert.deepEqual([answer.body.statusCode, answer.body.value.code, answer.body.value.message], [403, 'Forbidden', 'Not for you. Nothing was changed.']);
  });

  it('turns a handler that throws into a 500 error body and logs it, without the secret', async () => {
    const answer = await invoke({ action: { type: 'Action.Execute', verb: 'test.crash', data: {} } });

    assert.equal(answer.status, 200);
    assert.deepEqual([answer.body.statusCode, answer.body.value.code], [500, 'InternalError']);
    assert.doesNotMatch(JSON.stringify(answer.body), /exploded/);
    const logged = logLines.find((line) => line.msg === 'a card action failed');
    assert.ok(logged);
    assert.equal(logged.verb, 'test.crash');
    assert.match(JSON.stringify(logged.error), /handler exploded with \[redacted\]/);
  });

  it('updates the clicked card in place for an Action.Submit fallback naming a registered verb', async () => {
    const { status } = await post({ value: { verb: 'test.echo', id: 'x-2' }, replyToId: 'activity-7' });

    assert.equal(status, 200);
    assert.equal(seen.length, 1);
    assert.deepEqual(seen[0].data, { verb: 'test.echo', id: 'x-2' });
    const updates = connector.updates();
    assert.equal(updates.length, 1);
    assert.equal(updates[0].activityId, 'activity-7');
    assert.match(cardText(cardOf(updates[0])), /echo/);
    assert.deepEqual(chatRequests, []);
  });

  it('replies with a "Nothing was changed" card when an Action.Submit fails', async () => {
    await post({ value: { verb: 'test.refuse' }, replyToId: 'activity-8' });

    assert.deepEqual(connector.updates(), []);
    assert.equal(connector.calls.length, 1);
    const text = cardText(cardOf(connector.calls[0]));
    assert.match(text, /Nothing was changed/);
    assert.match(text, /Not for you/);
  });

  it('leaves a message whose value names no registered verb to the chat', async () => {
    await post({ text: 'licenses', value: { verb: 'other.thing' } });

    assert.deepEqual(seen, []);
    assert.deepEqual(
      chatRequests.map((request) => request.text),
      ['licenses'],
    );
  });
});
