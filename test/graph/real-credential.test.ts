import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import path from 'node:path';
import type { GraphAuth } from '../../src/config';
import { CONTOSO_IDS } from '../../src/demo-tenant/contoso-tenant';
import { startDemoGraphServer, type DemoGraphServer } from '../../src/demo-tenant/demo-graph-server';
import { REQUIRED_PERMISSIONS } from '../../src/graph/graph-permissions';
import { startIdentityEndpoint, type IdentityEndpoint } from '../support/identity-endpoint';
import { createTestCa, type TestCa } from '../support/test-ca';

const ROOT = path.join(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const CHILD = path.join(__dirname, 'support', 'read-snapshot-child.ts');
const CLIENT_ID = '22222222-2222-4222-8222-222222222222';
const LIMITED_CLIENT_ID = '33333333-3333-4333-8333-333333333333';
const SECRET = 'local-test-secret-value';

interface ChildResult {
  ok: boolean;
  name?: string;
  message?: string;
  tenantId?: string;
  skus?: number;
}

/** Reads a snapshot in a child process started with the test CA trusted; resolves with its one-line outcome. */
function runChild(ca: TestCa, input: { baseUrl: string; authorityHost: string; auth: GraphAuth; reads?: number; pauseMs?: number }): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    execFile(TSX, [CHILD, JSON.stringify(input)], { env: { PATH: process.env.PATH ?? '', NODE_EXTRA_CA_CERTS: ca.caPath }, timeout: 90_000 }, (error, stdout, stderr) => {
      const line = stdout.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(line) as ChildResult);
      } catch {
        reject(new Error(`child failed: ${error?.message ?? ''} ${stderr.slice(0, 500)}`));
      }
    });
  });
}

/** The demo Graph over HTTPS, accepting only tokens the local identity endpoint signed for Graph and Contoso. */
function startVerifyingGraph(tls: { key: string; cert: string }, identity: IdentityEndpoint): Promise<DemoGraphServer> {
  return startDemoGraphServer({
    tls,
    tokens: { signingKey: identity.signingKey, audiences: ['https://graph.microsoft.com'], tenantId: CONTOSO_IDS.tenantId },
  });
}

/**
 * The real @azure/identity credential against a local HTTPS identity endpoint and an HTTPS demo Graph
 * that verifies tokens. NODE_EXTRA_CA_CERTS is read only when Node starts, so each read runs in a
 * child process started with the test CA; the servers run here.
 */
describe('the real client-secret credential over HTTPS', function () {
  this.timeout(120_000);
  let ca: TestCa;
  let identity: IdentityEndpoint;
  let graph: DemoGraphServer;

  before(async () => {
    ca = createTestCa();
    const tls = { key: ca.serverKey, cert: ca.serverCert };
    identity = await startIdentityEndpoint(tls, [
      { tenantId: CONTOSO_IDS.tenantId, clientId: CLIENT_ID, clientSecret: SECRET, roles: [...REQUIRED_PERMISSIONS] },
      { tenantId: CONTOSO_IDS.tenantId, clientId: LIMITED_CLIENT_ID, clientSecret: SECRET, roles: ['GroupMember.Read.All', 'User.Read.All'] },
    ]);
    graph = await startVerifyingGraph(tls, identity);
  });
  after(async () => {
    await graph.close();
    await identity.close();
    ca.dispose();
  });
  afterEach(() => graph.stats.reset());

  const read = (tenantId: string, clientId: string, clientSecret: string, more: { reads?: number; pauseMs?: number } = {}): Promise<ChildResult> =>
    runChild(ca, { baseUrl: graph.baseUrl, authorityHost: identity.authorityHost, auth: { kind: 'client-secret', tenantId, clientId, clientSecret }, ...more });

  it('gets a signed token with the granted roles and reads a snapshot the demo Graph verified', async () => {
    const issuedBefore = identity.issued;

    const result = await read(CONTOSO_IDS.tenantId, CLIENT_ID, SECRET);

    assert.equal(result.ok, true, result.message);
    assert.equal(result.tenantId, CONTOSO_IDS.tenantId);
    assert.ok((result.skus ?? 0) > 0);
    assert.equal(identity.issued, issuedBefore + 1);
    assert.equal(graph.stats.denied, 0);
  });

  it("enforces the token's roles: without Organization.Read.All the read fails naming it", async () => {
    const result = await read(CONTOSO_IDS.tenantId, LIMITED_CLIENT_ID, SECRET);

    assert.equal(result.ok, false);
    assert.equal(result.name, 'MissingPermissionError');
    assert.match(result.message ?? '', /Organization\.Read\.All/);
  });

  it('names AZURE_CLIENT_SECRET when the secret is wrong', async () => {
    const result = await read(CONTOSO_IDS.tenantId, CLIENT_ID, 'not-the-secret');

    assert.equal(result.ok, false);
    assert.match(result.message ?? '', /AZURE_CLIENT_SECRET/);
    assert.match(result.message ?? '', /AADSTS7000215|invalid_client/);
  });

  it('fails clearly for an unknown tenant', async () => {
    const result = await read('99999999-9999-4999-8999-999999999999', CLIENT_ID, SECRET);

    assert.equal(result.ok, false);
    assert.match(result.message ?? '', /token/i);
    assert.match(result.message ?? '', /AZURE_TENANT_ID/);
  });

  it('gets a new token once the first expired, on the same credential', async () => {
    identity.tokenLifetimeSeconds = 2;
    try {
      const issuedBefore = identity.issued;

      const result = await read(CONTOSO_IDS.tenantId, CLIENT_ID, SECRET, { reads: 2, pauseMs: 2500 });

      // The demo Graph refuses expired tokens, so the second read worked only with a newer one.
      assert.equal(result.ok, true, result.message);
      assert.ok(identity.issued >= issuedBefore + 2, `${identity.issued - issuedBefore} token(s) issued`);
    } finally {
      identity.tokenLifetimeSeconds = 3600;
    }
  });

  it('answers a 401 from Graph with one fresh token and one retry', async () => {
    graph.faults.inject({ status: 401, times: 1, code: 'InvalidAuthenticationToken', message: 'Access token has expired or is not yet valid.' });
    const issuedBefore = identity.issued;

    const result = await read(CONTOSO_IDS.tenantId, CLIENT_ID, SECRET);

    assert.equal(result.ok, true, result.message);
    assert.equal(identity.issued, issuedBefore + 2);
  });

  it('gives up after the one retry when Graph keeps answering 401', async () => {
    graph.faults.inject({ status: 401, times: 3, code: 'InvalidAuthenticationToken', message: 'Access token validation failure.' });
    try {
      const result = await read(CONTOSO_IDS.tenantId, CLIENT_ID, SECRET);

      assert.equal(result.ok, false);
      assert.match(result.message ?? '', /did not accept Headroom's credentials/);
    } finally {
      graph.faults.clear();
    }
  });
});

/**
 * The real @azure/identity ClientCertificateCredential (AZURE_CLIENT_CERTIFICATE_PATH): MSAL signs a
 * client assertion with the PEM's key; the local identity endpoint checks it against the certificates
 * registered for the app (thumbprint, signature, aud, iss/sub, expiry).
 */
describe('the real client-certificate credential over HTTPS', function () {
  this.timeout(120_000);
  let ca: TestCa;
  let identity: IdentityEndpoint;
  let graph: DemoGraphServer;
  let registered: { pemPath: string; certificate: string };
  let limited: { pemPath: string; certificate: string };
  let stranger: { pemPath: string };

  before(async () => {
    ca = createTestCa();
    registered = ca.createClientCertificate('headroom-app');
    limited = ca.createClientCertificate('headroom-limited');
    stranger = ca.createClientCertificate('not-registered');
    const tls = { key: ca.serverKey, cert: ca.serverCert };
    identity = await startIdentityEndpoint(tls, [
      { tenantId: CONTOSO_IDS.tenantId, clientId: CLIENT_ID, certificates: [registered.certificate], roles: [...REQUIRED_PERMISSIONS] },
      { tenantId: CONTOSO_IDS.tenantId, clientId: LIMITED_CLIENT_ID, certificates: [limited.certificate], roles: ['GroupMember.Read.All', 'User.Read.All'] },
    ]);
    graph = await startVerifyingGraph(tls, identity);
  });
  after(async () => {
    await graph.close();
    await identity.close();
    ca.dispose();
  });
  afterEach(() => graph.stats.reset());

  const read = (clientId: string, certificatePath: string): Promise<ChildResult> =>
    runChild(ca, {
      baseUrl: graph.baseUrl,
      authorityHost: identity.authorityHost,
      auth: { kind: 'client-certificate', tenantId: CONTOSO_IDS.tenantId, clientId, certificatePath },
    });

  it('gets a token with the registered certificate and reads a snapshot the demo Graph verified', async () => {
    const issuedBefore = identity.issued;

    const headersBefore = identity.acceptedAssertionHeaders.length;

    const result = await read(CLIENT_ID, registered.pemPath);

    assert.equal(result.ok, true, result.message);
    assert.equal(result.tenantId, CONTOSO_IDS.tenantId);
    assert.ok((result.skus ?? 0) > 0);
    assert.equal(identity.issued, issuedBefore + 1);
    assert.equal(graph.stats.denied, 0);
    // @azure/identity hands MSAL the SHA-256 thumbprint, so the assertion is PS256 with x5t#S256.
    const header = identity.acceptedAssertionHeaders[headersBefore];
    assert.equal(header?.alg, 'PS256');
    assert.equal(header?.['x5t#S256'], createHash('sha256').update(new X509Certificate(registered.certificate).raw).digest('base64url'));
  });

  it("enforces the token's roles: without Organization.Read.All the read fails naming it", async () => {
    const result = await read(LIMITED_CLIENT_ID, limited.pemPath);

    assert.equal(result.ok, false);
    assert.equal(result.name, 'MissingPermissionError');
    assert.match(result.message ?? '', /Organization\.Read\.All/);
  });

  it('refuses a certificate the app does not have registered, naming AZURE_CLIENT_CERTIFICATE_PATH', async () => {
    const issuedBefore = identity.issued;

    const result = await read(CLIENT_ID, stranger.pemPath);

    assert.equal(result.ok, false);
    assert.match(result.message ?? '', /AZURE_CLIENT_CERTIFICATE_PATH/);
    assert.doesNotMatch(result.message ?? '', /AZURE_CLIENT_SECRET/);
    assert.match(result.message ?? '', /AADSTS700027/);
    assert.equal(identity.issued, issuedBefore);
  });

  it("refuses another app's registered certificate", async () => {
    const result = await read(CLIENT_ID, limited.pemPath);

    assert.equal(result.ok, false);
    assert.match(result.message ?? '', /AZURE_CLIENT_CERTIFICATE_PATH/);
  });
});
