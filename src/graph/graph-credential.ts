import { ClientCertificateCredential, ClientSecretCredential, ManagedIdentityCredential } from '@azure/identity';
import type { TokenCredential } from '@azure/identity';
import type { GraphAuth } from '../config';

/**
 * Builds the credential Headroom uses for Microsoft Graph from the configured authentication.
 * Call it once per process: the credential caches its tokens. Returns null for `none` (demo mode and
 * tests, where the Graph endpoint needs no token).
 */
export function createGraphCredential(auth: GraphAuth): TokenCredential | null {
  switch (auth.kind) {
    case 'none':
      return null;
    case 'client-secret':
      return new ClientSecretCredential(auth.tenantId, auth.clientId, auth.clientSecret);
    case 'client-certificate':
      return new ClientCertificateCredential(auth.tenantId, auth.clientId, { certificatePath: auth.certificatePath });
    case 'managed-identity':
      return auth.clientId === null ? new ManagedIdentityCredential() : new ManagedIdentityCredential({ clientId: auth.clientId });
  }
}
