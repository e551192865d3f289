import { ClientCertificateCredential, ClientSecretCredential, ManagedIdentityCredential } from '@azure/identity';
import type { TokenCredential } from '@azure/identity';
import type { GraphAuth } from '../config';
import type { GraphCloud } from './graph-cloud';

/**
 * Builds the credential Headroom uses for Microsoft Graph from the configured authentication.
 * Call it once per process: the credential caches its tokens. Returns null for `none` (demo mode and
 * tests, where the Graph endpoint needs no token).
 */
export function createGraphCredential(auth: GraphAuth, cloud?: GraphCloud): TokenCredential | null {
  // The authority follows the cloud of GRAPH_BASE_URL (or AZURE_AUTHORITY_HOST); a host Microsoft's
  // instance discovery does not know (a private or local endpoint) must not be looked up there.
  const authority = cloud === undefined ? {} : { authorityHost: cloud.authorityHost, disableInstanceDiscovery: !cloud.instanceDiscovery };
  switch (auth.kind) {
    case 'none':
      return null;
    case 'client-secret':
      return new ClientSecretCredential(auth.tenantId, auth.clientId, auth.clientSecret, authority);
    case 'client-certificate':
      return new ClientCertificateCredential(auth.tenantId, auth.clientId, { certificatePath: auth.certificatePath }, authority);
    case 'managed-identity':
      return auth.clientId === null ? new ManagedIdentityCredential() : new ManagedIdentityCredential({ clientId: auth.clientId });
  }
}
