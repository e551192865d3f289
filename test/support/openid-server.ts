import { createServer, type Server } from 'node:http';
import { closeNow, listenOnLoopback } from './loopback-server';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';

export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';

/**
 * Serves OpenID metadata and signing keys the way the Bot Framework login service does, so botbuilder's
 * real JWT validation can be exercised locally. It signs tokens with its own RSA key.
 */
export class OpenIdServer {
  readonly keyId = 'headroom-test-key';
  private readonly privateKey: KeyObject;
  private readonly publicJwk: Record<string, unknown>;
  private server: Server | null = null;
  metadataUrl = '';

  constructor() {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = privateKey;
    this.publicJwk = { ...publicKey.export({ format: 'jwk' }), kid: this.keyId, use: 'sig', alg: 'RS256', endorsements: ['msteams'] };
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const base = this.metadataUrl.replace('/.well-known/openid-configuration', '');
      if (req.url === '/.well-known/openid-configuration') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            issuer: BOT_FRAMEWORK_ISSUER,
            authorization_endpoint: `${base}/authorize`,
            jwks_uri: `${base}/keys`,
            id_token_signing_alg_values_supported: ['RS256'],
            token_endpoint_auth_methods_supported: ['private_key_jwt'],
          }),
        );
        return;
      }
      if (req.url === '/keys') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ keys: [this.publicJwk] }));
        return;
      }
      res.writeHead(404);
        res.end();
    });
    this.metadataUrl = `${await listenOnLoopback(this.server)}/.well-known/openid-configuration`;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    await closeNow(server);
  }

  /** A token as the Bot Framework channel would send it, with any claim overridden. */
  sign(claims: { audience: string; serviceUrl: string; issuer?: string; expiresInSeconds?: number; notBefore?: number }): string {
    const now = Math.floor(Date.now() / 1000);
    const expiresIn = claims.expiresInSeconds ?? 3600;
    return jwt.sign(
      { serviceurl: claims.serviceUrl, nbf: claims.notBefore ?? now - 60, exp: now + expiresIn, iat: now - 60 },
      this.privateKey,
      { algorithm: 'RS256', keyid: this.keyId, audience: claims.audience, issuer: claims.issuer ?? BOT_FRAMEWORK_ISSUER, noTimestamp: true },
    );
  }

  /** A token with `alg: none`: well-formed, carrying the right claims, but unsigned. */
  unsigned(claims: { audience: string; serviceUrl: string }): string {
    const now = Math.floor(Date.now() / 1000);
    const encode = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
    return `${encode({ alg: 'none', typ: 'JWT', kid: this.keyId })}.${encode({
      iss: BOT_FRAMEWORK_ISSUER,
      aud: claims.audience,
      serviceurl: claims.serviceUrl,
      nbf: now - 60,
      exp: now + 3600,
    })}.`;
  }
}
