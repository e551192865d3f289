import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startHarness, type Harness } from '../support/headroom-harness';
import { OpenIdServer } from '../support/openid-server';

describe('Bot Framework JWT validation on /api/messages', () => {
  const appId = randomUUID();
  let openId: OpenIdServer;
  let harness: Harness;

  before(async () => {
    openId = await new OpenIdServer().start();
    harness = await startHarness({
      MicrosoftAppId: appId,
      MicrosoftAppPassword: 'not-a-real-password-used-only-in-tests',
      MicrosoftAppType: 'MultiTenant',
      BotOpenIdMetadata: openId.metadataUrl,
      HOST: '127.0.0.1',
    });
  });
  after(async () => {
    await harness.stop();
    await openId.stop();
  });

  function handlerRan(): boolean {
    return harness.logLines.some((line) => String(line.msg).includes('tenant that is not on the allowlist')) || harness.connector.calls.length > 0;
  }

  async function sendWithToken(token: string | null): Promise<number> {
    harness.logLines.length = 0;
    harness.connector.clear();
    const headers: Record<string, string> = token === null ? {} : { authorization: `Bearer ${token}` };
    // From a tenant that is not allowed: if the handler runs it logs that it ignored the activity.
    const { status } = await harness.send({ text: 'licenses', tenantId: randomUUID(), headers });
    return status;
  }

  const serviceUrl = (): string => harness.connector.url;

  it('accepts a correctly signed token, which proves the rejections below are about the token', async () => {
    const status = await sendWithToken(openId.sign({ audience: appId, serviceUrl: serviceUrl() }));
    assert.equal(status, 200);
    assert.ok(handlerRan(), 'the bot ran');
  });

  const rejected: [string, () => string | null][] = [
    ['no token', () => null],
    ['an unsigned token', () => openId.unsigned({ audience: appId, serviceUrl: serviceUrl() })],
    ['a token for another audience', () => openId.sign({ audience: randomUUID(), serviceUrl: serviceUrl() })],
    ['a token from another issuer', () => openId.sign({ audience: appId, serviceUrl: serviceUrl(), issuer: 'https://evil.example.com' })],
    ['an expired token', () => openId.sign({ audience: appId, serviceUrl: serviceUrl(), expiresInSeconds: -3600, notBefore: Math.floor(Date.now() / 1000) - 7200 })],
    ['a token signed by an unknown key', () => new OpenIdServer().sign({ audience: appId, serviceUrl: serviceUrl() })],
  ];
  it('answers 401, not 400, to a malformed activity without a token, so it learns nothing about validation', async () => {
    harness.logLines.length = 0;

    const { status, body } = await harness.send({ text: 'licenses', tenantId: randomUUID(), activity: { conversation: 42, from: { id: 5 } } });

    assert.equal(status, 401);
    assert.doesNotMatch(body, /conversation|from\.id/);
    assert.ok(harness.logLines.some((line) => String(line.msg).includes('not authenticated')));
    assert.equal(harness.logLines.some((line) => String(line.msg).includes('malformed')), false);
  });

  it('answers 400 with the problem to a malformed activity that carries a valid token', async () => {
    harness.logLines.length = 0;
    const headers = { authorization: `Bearer ${openId.sign({ audience: appId, serviceUrl: serviceUrl() })}` };

    const { status, body } = await harness.send({ text: 'licenses', tenantId: randomUUID(), headers, activity: { locale: 5 } });

    assert.equal(status, 400);
    assert.match(String((JSON.parse(body) as { error?: unknown }).error), /"locale" must be text/);
    assert.equal(handlerRan(), false);
  });

  for (const [what, token] of rejected) {
    it(`answers 401 to ${what} and never runs the bot`, async () => {
      const presented = token();
      const status = await sendWithToken(presented);
      assert.equal(status, 401);
      assert.equal(handlerRan(), false);
      assert.ok(harness.logLines.some((line) => String(line.msg).includes('not authenticated')), 'the rejection is logged');
      if (presented !== null) {
        assert.ok(!JSON.stringify(harness.logLines).includes(presented), 'the token never reaches the log');
      }
    });
  }
});
