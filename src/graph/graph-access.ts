import type { GraphAuth } from '../config';
import type { LicenseReader } from '../licenses/license-reader';
import type { Logger } from '../logger';
import { GraphBatchReader } from './graph-batch-reader';
import { createGraphClient } from './graph-client';
import { graphCloudFor } from './graph-cloud';
import { RenewableCredential } from './renewable-credential';
import { createGraphCredential } from './graph-credential';
import { GraphLicenseReader } from './graph-license-reader';
import type { GraphLicenseReaderOptions } from './graph-license-reader';
import { GraphMemberChecker } from './graph-member-checker';
import { GraphReclaimReader } from './graph-reclaim-reader';
import { GraphRequester } from './graph-requester';
import { RetryPolicy } from './retry-policy';
import type { RetryOptions } from './retry-policy';

export interface GraphAccessSettings {
  /** Root URL without version, e.g. `https://graph.microsoft.com` or the demo tenant's base URL. */
  baseUrl: string;
  auth: GraphAuth;
  /** AZURE_AUTHORITY_HOST; null follows the cloud of `baseUrl`. */
  authorityHost?: string | null;
  retry?: RetryOptions;
  /** `$batch` requests in flight at once (default 2). */
  maxBatchesInFlight?: number;
  reader?: GraphLicenseReaderOptions;
}

/** Never used: only `none` has no credential, and then no RenewableCredential is built. */
const NO_TOKEN = { getToken: () => Promise.resolve(null) };

/** Everything the rest of Headroom needs from Microsoft Graph, sharing one client and credential. */
export interface GraphAccess {
  licenseReader: LicenseReader;
  memberChecker: GraphMemberChecker;
  reclaimReader: GraphReclaimReader;
}

/** Builds Headroom's Graph adapters; the composition root calls it once per process. */
export function createGraphAccess(settings: GraphAccessSettings, logger: Logger): GraphAccess {
  const cloud = graphCloudFor(settings.baseUrl, settings.authorityHost ?? null);
  const credential = settings.auth.kind === 'none' ? null : new RenewableCredential(() => createGraphCredential(settings.auth, cloud) ?? NO_TOKEN);
  const client = createGraphClient({ baseUrl: settings.baseUrl, credential, scope: cloud.scope });
  const requester = new GraphRequester(client, settings.baseUrl, new RetryPolicy(settings.retry), logger, {
    graphOrigin: cloud.graphOrigin,
    credentialHint: credentialHint(settings.auth),
    renewToken: credential === null ? undefined : () => credential.renew(),
  });
  const batches = new GraphBatchReader(requester, { maxInFlight: settings.maxBatchesInFlight });
  return {
    licenseReader: new GraphLicenseReader(requester, batches, settings.reader),
    memberChecker: new GraphMemberChecker(requester),
    reclaimReader: new GraphReclaimReader(requester, batches),
  };
}

/** The variables to check when no token can be had, for the credential in use. */
export function credentialHint(auth: GraphAuth): string {
  switch (auth.kind) {
    case 'client-secret':
      return 'check AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (a wrong or expired secret is the usual cause)';
    case 'client-certificate':
      return 'check AZURE_TENANT_ID, AZURE_CLIENT_ID and the certificate in AZURE_CLIENT_CERTIFICATE_PATH (is it uploaded to the app registration?)';
    case 'managed-identity':
      return 'check that the managed identity is attached to this host (and AZURE_CLIENT_ID for a user-assigned one)';
    case 'none':
      return 'no Graph credential is configured';
  }
}
