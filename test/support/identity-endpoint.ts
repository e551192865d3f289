import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { verifyClientAssertion } from './client-assertion';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';

/** An app registered with the local identity endpoint. */
export interface RegisteredApp {
  tenantId: string;
  clientId: string;
  /** The client secret it accepts; absent: none. */
  clientSecret?: string;
  /** PEM certificates uploaded to the registration: a `client_assertion` signed by one of their keys is accepted. */
  certificates?: string[];
  /** The `roles` claim its tokens carry: the application permissions granted. */
  roles: string[];
}

/** A local HTTPS stand-in for the Microsoft identity platform's client-credentials flow. */
export interface IdentityEndpoint {
  /** `https://127.0.0.1:<port>`: AZURE_AUTHORITY_HOST. */
  authorityHost: string;
  /** PEM public key the tokens are signed with (for the demo Graph to verify). */
  signingKey: string;
  /** Tokens issued so far. */
  readonly issued: number;
  /** The JOSE header of each client assertion accepted so far (which `alg` and thumbprint MSAL sent). */
  readonly acceptedAssertionHeaders: Record<string, unknown>[];
  /** Lifetime of the next tokens, in seconds. */
  tokenLifetimeSeconds: number;
  close(): Promise<void>;
}

/**
 * Serves OpenID metadata and `/oauth2/v2.0/token` for the registered apps, signing RS256 tokens with
 * `aud` (the scope's resource), `tid`, `appid` and `roles`. A client authenticates with its secret or
 * with a certificate-signed `client_assertion` (see client-assertion.ts). A wrong secret is
 * `invalid_client` (AADSTS7000215), a bad assertion AADSTS700027/700021/700023/700024, an unknown
 * tenant AADSTS90002, as Entra answers.
 */
export async function startIdentityEndpoint(tls: { key: string; cert: string }, apps: RegisteredApp[]): Promise<IdentityEndpoint> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingKey = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  let issued = 0;
  const acceptedAssertionHeaders: Record<string, unknown>[] = [];
  const state = { tokenLifetimeSeconds: 3600 };
  let base = '';

  const server: Server = createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', base);
      const [tenant = '', ...rest] = url.pathname.split('/').filter((part) => part !== '');
      const send = (status: number, body: unknown): void => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const known = apps.some((app) => app.tenantId === tenant);
      if (!known) {
        send(400, { error: 'invalid_tenant', error_description: `AADSTS90002: Tenant '${tenant}' not found.`, error_codes: [90002] });
        return;
      }
      const path = rest.join('/');
      if (req.method === 'GET' && path === 'v2.0/.well-known/openid-configuration') {
        send(200, {
          issuer: `${base}/${tenant}/v2.0`,
          token_endpoint: `${base}/${tenant}/oauth2/v2.0/token`,
          authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/authorize`,
          jwks_uri: `${base}/${tenant}/discovery/v2.0/keys`,
          end_session_endpoint: `${base}/${tenant}/oauth2/v2.0/logout`,
          response_types_supported: ['code', 'id_token', 'token'],
          token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
        });
        return;
      }
      if (req.method === 'POST' && path === 'oauth2/v2.0/token') {
        const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
        const app = apps.find((candidate) => candidate.tenantId === tenant && candidate.clientId === form.get('client_id'));
        const assertion = form.get('client_assertion');
        if (app !== undefined && assertion !== null) {
          const refusal = verifyClientAssertion({
            assertionType: form.get('client_assertion_type'),
            assertion,
            clientId: app.clientId,
            tokenEndpoint: `${base}/${tenant}/oauth2/v2.0/token`,
            certificates: app.certificates ?? [],
          });
          if (refusal !== null) {
            send(401, { error: 'invalid_client', error_description: refusal.description, error_codes: [refusal.code] });
            return;
          }
          acceptedAssertionHeaders.push(JSON.parse(Buffer.from(assertion.split('.')[0] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>);
        } else if (app === undefined || app.clientSecret === undefined || form.get('client_secret') !== app.clientSecret) {
          send(401, {
            error: 'invalid_client',
            error_description: `AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.`,
            error_codes: [7000215],
          });
          return;
        }
        const scope = form.get('scope') ?? '';
        const resource = scope.split(' ').find((item) => item.endsWith('/.default'))?.replace(/\/\.default$/, '') ?? '';
        const now = Math.floor(Date.now() / 1000);
        const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
        const unsigned = `${part({ alg: 'RS256', typ: 'JWT' })}.${part({
          aud: resource,
          iss: `${base}/${tenant}/v2.0`,
          tid: tenant,
          appid: app.clientId,
          roles: app.roles,
          iat: now,
          nbf: now,
          exp: now + state.tokenLifetimeSeconds,
          uti: randomUUID(),
        })}`;
        const signature = sign('RSA-SHA256', Buffer.from(unsigned), privateKey).toString('base64url');
        issued += 1;
        send(200, { token_type: 'Bearer', expires_in: state.tokenLifetimeSeconds, ext_expires_in: state.tokenLifetimeSeconds, access_token: `${unsigned}.${signature}` });
        return;
      }
      send(404, { error: 'not_found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    authorityHost: base,
    signingKey,
    get issued() {
      return issued;
    },
    acceptedAssertionHeaders,
    get tokenLifetimeSeconds() {
      return state.tokenLifetimeSeconds;
    },
    set tokenLifetimeSeconds(value: number) {
      state.tokenLifetimeSeconds = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
