import assert from 'node:assert/strict';
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { DemoTokenVerifier } from '../../src/demo-tenant/demo-token-verifier';

const TENANT = '11111111-1111-4111-8111-111111111111';
const NOW_MS = Date.parse('2030-01-01T00:00:00Z');
const NOW = NOW_MS / 1000;

function keyPair(): { privateKey: KeyObject; publicPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privateKey, publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

function token(privateKey: KeyObject, claims: Record<string, unknown>): string {
  const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}`;
  return `Bearer ${unsigned}.${sign('RSA-SHA256', Buffer.from(unsigned), privateKey).toString('base64url')}`;
}

describe('DemoTokenVerifier', () => {
  const issuer = keyPair();
  const verifier = new DemoTokenVerifier({ signingKey: issuer.publicPem, audiences: ['https://graph.microsoft.com'], tenantId: TENANT });
  const good = { aud: 'https://graph.microsoft.com', tid: TENANT, exp: NOW + 600, nbf: NOW - 5, roles: ['Organization.Read.All'] };

  it('reads the roles of a token signed by the identity endpoint for Graph and this tenant', () => {
    assert.deepEqual(verifier.check(token(issuer.privateKey, good), NOW_MS), { ok: true, roles: ['Organization.Read.All'] });
  });

  it('refuses a token signed with another key', () => {
    const check = verifier.check(token(keyPair().privateKey, good), NOW_MS);
    assert.equal(check.ok, false);
    assert.match(check.ok ? '' : check.message, /signature/);
  });

  it('refuses another audience, another tenant and an expired token', () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ ...good, aud: 'https://management.azure.com' }, /audience/],
      [{ ...good, tid: '99999999-9999-4999-8999-999999999999' }, /tenant/],
      [{ ...good, exp: NOW - 1 }, /expired/],
    ];
    for (const [claims, reason] of cases) {
      const check = verifier.check(token(issuer.privateKey, claims), NOW_MS);
      assert.equal(check.ok, false, JSON.stringify(claims));
      assert.match(check.ok ? '' : check.message, reason);
    }
  });

  it('requires a token once settings are given', () => {
    assert.equal(verifier.required, true);
    assert.equal(new DemoTokenVerifier(null).required, false);
  });
});
