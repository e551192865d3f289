import type { GraphAuth } from '../config';
import type { LicenseReader } from '../licenses/license-reader';
import type { Logger } from '../logger';
import { GraphBatchReader } from './graph-batch-reader';
import { createGraphClient } from './graph-client';
import { createGraphCredential } from './graph-credential';
import { GraphLicenseReader } from './graph-license-reader';
import type { GraphLicenseReaderOptions } from './graph-license-reader';
import { GraphMemberChecker } from './graph-member-checker';
import { GraphRequester } from './graph-requester';
import { RetryPolicy } from './retry-policy';
import type { RetryOptions } from './retry-policy';

export interface GraphAccessSettings {
  /** Root URL without version, e.g. `https://graph.microsoft.com` or the demo tenant's base URL. */
  baseUrl: string;
  auth: GraphAuth;
  retry?: RetryOptions;
  /** `$batch` requests in flight at once (default 2). */
  maxBatchesInFlight?: number;
  reader?: GraphLicenseReaderOptions;
}

/** Everything the rest of Headroom needs from Microsoft Graph, sharing one client and credential. */
export interface GraphAccess {
  licenseReader: LicenseReader;
  memberChecker: GraphMemberChecker;
}

/** Builds Headroom's Graph adapters; the composition root calls it once per process. */
export function createGraphAccess(settings: GraphAccessSettings, logger: Logger): GraphAccess {
  const client = createGraphClient({ baseUrl: settings.baseUrl, credential: createGraphCredential(settings.auth) });
  const requester = new GraphRequester(client, settings.baseUrl, new RetryPolicy(settings.retry), logger);
  const batches = new GraphBatchReader(requester, { maxInFlight: settings.maxBatchesInFlight });
  return {
    licenseReader: new GraphLicenseReader(requester, batches, settings.reader),
    memberChecker: new GraphMemberChecker(requester),
  };
}
