import assert from 'node:assert/strict';
import { constants, createHash, sign, X509Certificate } from 'node:crypto';
import { verifyClientAssertion } from '../support/client-assertion';
import { createTestCa, type TestCa } from '../support/test-ca';

const CLIENT_ID = '22222222-2222-4222-8222-222222222222';
const TOKEN_ENDPOINT = 'https://127.0.0.1:4443/tenant/oauth2/v2.0/token';
const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/**
 * The identity endpoint's client-assertion check must refuse what Entra refuses, or the certificate
 * credential tests would prove nothing. Assertions here are signed with real keys made by openssl.
 */
describe('the test identity endpoint checks client assertions', function () {
  this.timeout(30_000);
  let ca: TestCa;
  let app: { certificate: string; privateKey: string };
  let other: { certificate: string; privateKey: string };

  before(() => {
    ca = createTestCa();
    app = ca.createClientCertificate('app');
    other = ca.createClientCertificate('other');
  });
  after(() => ca.dispose());

  const thumbprint = (pem: string, hash: 'sha1' | 'sha256'): string => createHash(hash).update(new X509Certificate(pem).raw).digest('base64url');
  const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = (): number => Math.floor(Date.now() / 1000);

  function assertion(options: { alg?: 'RS256' | 'PS256'; key?: string; header?: Record<string, unknown>; claims?: Record<string, unknown> } = {}): string {
    const alg = options.alg ?? 'PS256';
    const header = { alg, ...(alg === 'PS256' ? { 'x5t#S256': thumbprint(app.certificate, 'sha256') } : { x5t: thumbprint(app.certificate, 'sha1') }), ...options.header };
    const claims = { aud: TOKEN_ENDPOINT, iss: CLIENT_ID, sub: CLIENT_ID, nbf: now(), exp: now() + 600, jti: 'one', ...options.claims };
    const unsigned = `${part(header)}.${part(claims)}`;
    const key = options.key ?? app.privateKey;
    const signature =
      alg === 'PS256'
        ? sign('sha256', Buffer.from(unsigned), { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST })
        : sign('sha256', Buffer.from(unsigned), key);
    return `${unsigned}.${signature.toString('base64url')}`;
  }

  const check = (jwt: string, more: { assertionType?: string | null; certificates?: string[] } = {}): ReturnType<typeof verifyClientAssertion> =>
    verifyClientAssertion({
      assertionType: more.assertionType === undefined ? JWT_BEARER : more.assertionType,
      assertion: jwt,
      clientId: CLIENT_ID,
      tokenEndpoint: TOKEN_ENDPOINT,
      certificates: more.certificates ?? [other.certificate, app.certificate],
    });

  it('accepts a PS256 assertion with x5t#S256 and an RS256 one with x5t, both from a registered certificate', () => {
    assert.equal(check(assertion({ alg: 'PS256' })), null);
    assert.equal(check(assertion({ alg: 'RS256' })), null);
  });

  it('refuses a certificate that is not registered (AADSTS700027)', () => {
    const refusal = check(assertion(), { certificates: [other.certificate] });

    assert.equal(refusal?.code, 700027);
    assert.match(refusal?.description ?? '', /not registered/);
  });

  it("refuses a registered thumbprint over another key's signature", () => {
    assert.equal(check(assertion({ key: other.privateKey }))?.code, 700027);
    assert.equal(check(assertion({ alg: 'RS256', key: other.privateKey }))?.code, 700027);
  });

  it('refuses changed claims under the original signature', () => {
    const [header, , signature] = assertion().split('.');
    const forged = `${header}.${part({ aud: TOKEN_ENDPOINT, iss: CLIENT_ID, sub: CLIENT_ID, exp: now() + 99_999 })}.${signature}`;

    assert.equal(check(forged)?.code, 700027);
  });

  it('refuses another audience (AADSTS700023)', () => {
    assert.equal(check(assertion({ claims: { aud: 'https://127.0.0.1:4443/other/oauth2/v2.0/token' } }))?.code, 700023);
  });

  it('refuses an issuer or subject that is not the client id (AADSTS700021)', () => {
    assert.equal(check(assertion({ claims: { iss: 'someone-else' } }))?.code, 700021);
    assert.equal(check(assertion({ claims: { sub: 'someone-else' } }))?.code, 700021);
  });

  it('refuses an expired, not-yet-valid or expiry-less assertion (AADSTS700024)', () => {
    assert.equal(check(assertion({ claims: { nbf: now() - 3600, exp: now() - 1800 } }))?.code, 700024);
    assert.equal(check(assertion({ claims: { nbf: now() + 3600, exp: now() + 4200 } }))?.code, 700024);
    assert.equal(check(assertion({ claims: { exp: undefined } }))?.code, 700024);
  });

  it('refuses another algorithm, another assertion type and a malformed token', () => {
    const [, claims, signature] = assertion().split('.');
    const none = `${part({ alg: 'none', 'x5t#S256': thumbprint(app.certificate, 'sha256') })}.${claims}.${signature}`;

    assert.equal(check(none)?.code, 700027);
    assert.equal(check(assertion(), { assertionType: 'urn:ietf:params:oauth:client-assertion-type:saml2-bearer' })?.code, 7000216);
    assert.equal(check(assertion(), { assertionType: null })?.code, 7000216);
    assert.equal(check('not.a-jwt')?.code, 50027);
  });
});
