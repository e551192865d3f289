import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/identity';

/**
 * A credential that can be told its token was refused: the next token then comes from a new
 * credential, so it is fetched fresh rather than served from the old one's cache. Graph answers 401
 * when a cached token was revoked or its keys rolled; Headroom renews once and retries once.
 */
export class RenewableCredential implements TokenCredential {
  private current: TokenCredential;

  constructor(private readonly create: () => TokenCredential) {
    this.current = create();
  }

  getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
    return this.current.getToken(scopes, options);
  }

  /** Drops the cached token: the next `getToken` asks the identity platform again. */
  renew(): void {
    this.current = this.create();
  }
}
