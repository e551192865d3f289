import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/** How the demo Graph checks bearer tokens: the identity endpoint's signing key, Graph's audience, the tenant. */
export interface DemoTokenSettings {
  /** PEM public key (or certificate) the identity endpoint signs tokens with (RS256). */
  signingKey: string;
  /** Audiences accepted, e.g. `https://graph.microsoft.com` and Graph's app id. */
  audiences: readonly string[];
  tenantId: string;
}

export type TokenCheck = { ok: true; roles: string[] } | { ok: false; message: string };

const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

/**
 * Reads the `roles` claim of a bearer token the way Graph would after validating it. With settings,
 * the RS256 signature, audience, tenant and lifetime are checked; without (demo mode, plain tests),
 * the token is only decoded.
 */
export class DemoTokenVerifier {
  private readonly key: KeyObject | null;

  constructor(private readonly settings: DemoTokenSettings | null) {
    this.key = settings === null ? null : createPublicKey(settings.signingKey);
  }

  /** True when a request must carry a token. */
  get required(): boolean {
    return this.settings !== null;
  }

  check(authorization: string, nowMs: number = Date.now()): TokenCheck {
    const match = /^Bearer\s+([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]*)$/.exec(authorization.trim());
    if (match === null) {
      return { ok: false, message: 'Access token validation failure. The token is not a well-formed JWT.' };
    }
    const [, header = '', payload = '', signature = ''] = match;
    const claims = decodeJson(payload);
    const head = decodeJson(header);
    if (claims === null || head === null) {
      return { ok: false, message: 'Access token validation failure. The token is not a well-formed JWT.' };
    }
    if (this.settings !== null && this.key !== null) {
      if (head['alg'] !== 'RS256' || !verify('RSA-SHA256', Buffer.from(`${header}.${payload}`), this.key, Buffer.from(signature, 'base64url'))) {
        return { ok: false, message: 'Access token validation failure. Invalid signature.' };
      }
      const audience = claims['aud'];
      const audiences = new Set([...this.settings.audiences, GRAPH_APP_ID]);
      if (typeof audience !== 'string' || !audiences.has(audience.replace(/\/+$/, ''))) {
        return { ok: false, message: 'Access token validation failure. Invalid audience.' };
      }
      if (claims['tid'] !== this.settings.tenantId) {
        return { ok: false, message: 'Access token validation failure. The token was issued for another tenant.' };
      }
      const expires = claims['exp'];
      if (typeof expires !== 'number' || expires * 1000 <= nowMs) {
        return { ok: false, message: 'Lifetime validation failed, the token is expired.' };
      }
      const notBefore = claims['nbf'];
      if (typeof notBefore === 'number' && notBefore * 1000 > nowMs + 5 * 60 * 1000) {
        return { ok: false, message: 'Lifetime validation failed, the token is not yet valid.' };
      }
    }
    const roles = claims['roles'];
    return { ok: true, roles: Array.isArray(roles) ? roles.filter((role): role is string => typeof role === 'string') : [] };
  }
}

function decodeJson(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
