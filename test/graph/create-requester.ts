import { createGraphClient } from '../../src/graph/graph-client';
import { GraphRequester } from '../../src/graph/graph-requester';
import { RetryPolicy } from '../../src/graph/retry-policy';
import type { RetryOptions } from '../../src/graph/retry-policy';
import { silentLogger } from '../../src/logger';

/** A requester on `baseUrl` with no credential, the given retry options and a silent logger. */
export function createRequester(baseUrl: string, retry: RetryOptions = {}): GraphRequester {
  return new GraphRequester(createGraphClient({ baseUrl, credential: null }), baseUrl, new RetryPolicy(retry), silentLogger);
}
