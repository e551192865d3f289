/**
 * Base resource-unit costs of the identity and access service, from Microsoft's published table
 * "Microsoft Graph service-specific throttling limits" (learn.microsoft.com/graph/throttling-limits,
 * section "Identity and access service limits"). Paths not listed cost 1.
 *
 * | operation | path                                   | base cost |
 * |-----------|----------------------------------------|-----------|
 * | GET       | users                                  | 2         |
 * | GET       | subscribedSkus                         | 3         |
 * | GET       | groups/{id}/members                    | 3         |
 * | GET       | groups/{id}/transitiveMembers          | 5         |
 * | POST      | users/{id}/checkMemberGroups (= me/)   | 4         |
 * | POST      | users/{id}/getMemberGroups (= me/)     | 2         |
 * | any       | anything else (users/{id}, groups, groups/{id}, organization, ...) | 1 |
 *
 * Modifiers: `$select` takes 1 off, `$expand` adds 1, `$top` below 20 takes 1 off; never below 1.
 * The `$batch` envelope itself costs nothing: each inner request is costed on its own.
 */
const BASE_COSTS: Record<string, number> = {
  'GET /v1.0/users': 2,
  'GET /v1.0/subscribedSkus': 3,
  'GET /v1.0/groups/{id}/members': 3,
  'GET /v1.0/groups/{id}/transitiveMembers': 5,
  'POST /v1.0/users/{id}/checkMemberGroups': 4,
  'POST /v1.0/users/{id}/getMemberGroups': 2,
};

/** Request headers whose last value is remembered in `headersSeen`. */
const TRACKED_HEADERS = ['x-ms-throttle-priority', 'client-request-id', 'consistencylevel', 'user-agent', 'sdkversion'];

const GUID_SEGMENT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the demo Graph server has been asked, for tests and benchmarks. */
export class RequestStats {
  /** HTTP requests (a `$batch` counts once). */
  httpRequests = 0;
  /** Inner requests of `$batch` calls. */
  batchParts = 0;
  /** Requests per normalised endpoint, e.g. `GET /v1.0/groups/{id}/membersWithLicenseErrors`; batch parts included. */
  byEndpoint: Record<string, number> = {};
  /** Resource units the requests would cost in Microsoft Graph (see the table above). */
  resourceUnits = 0;
  /** Last value seen of tracked request headers (lower-case names), e.g. `headersSeen['x-ms-throttle-priority']`. */
  headersSeen: Record<string, string> = {};
  /** Requests refused with 403 for want of a permission, per normalised endpoint. */
  deniedByEndpoint: Record<string, number> = {};
  /** `reprocessLicenseAssignment` calls answered, per user id (lower case). */
  reprocessByUser: Record<string, number> = {};

  /** How many requests were refused for want of a permission. */
  get denied(): number {
    return Object.values(this.deniedByEndpoint).reduce((sum, count) => sum + count, 0);
  }

  reset(): void {
    this.deniedByEndpoint = {};
    this.reprocessByUser = {};
    this.httpRequests = 0;
    this.batchParts = 0;
    this.byEndpoint = {};
    this.resourceUnits = 0;
    this.headersSeen = {};
  }

  /** Counts one HTTP request. */
  recordHttp(headers: Record<string, string>): void {
    this.httpRequests += 1;
    this.rememberHeaders(headers);
  }

  /** Counts one Graph operation (an HTTP request or a batch part); returns its resource-unit cost. */
  recordOperation(method: string, pathAndQuery: string, headers: Record<string, string>, insideBatch: boolean): number {
    if (insideBatch) {
      this.batchParts += 1;
      this.rememberHeaders(headers);
    }
    const endpoint = normaliseEndpoint(method, pathAndQuery);
    this.byEndpoint[endpoint] = (this.byEndpoint[endpoint] ?? 0) + 1;
    const cost = costOf(endpoint, pathAndQuery);
    this.resourceUnits += cost;
    return cost;
  }

  /** Counts one request refused for want of a permission. */
  recordDenied(method: string, pathAndQuery: string): void {
    const endpoint = normaliseEndpoint(method, pathAndQuery);
    this.deniedByEndpoint[endpoint] = (this.deniedByEndpoint[endpoint] ?? 0) + 1;
  }

  /** Counts one `reprocessLicenseAssignment` the demo carried out for a user. */
  recordReprocess(userId: string): void {
    const key = userId.toLowerCase();
    this.reprocessByUser[key] = (this.reprocessByUser[key] ?? 0) + 1;
  }

  private rememberHeaders(headers: Record<string, string>): void {
    for (const name of TRACKED_HEADERS) {
      const value = headers[name];
      if (value !== undefined) {
        this.headersSeen[name] = value;
      }
    }
  }
}

/** `GET /v1.0/groups/0b1c.../membersWithLicenseErrors?$top=5` -> `GET /v1.0/groups/{id}/membersWithLicenseErrors`. */
function normaliseEndpoint(method: string, pathAndQuery: string): string {
  const path = pathAndQuery.split('?')[0] ?? '';
  const segments = path.split('/').map((segment, index, all) => {
    const previous = all[index - 1];
    const isIdSlot = (previous === 'users' || previous === 'groups') && index >= 3;
    return isIdSlot || GUID_SEGMENT.test(segment) ? '{id}' : segment;
  });
  return `${method.toUpperCase()} ${segments.join('/')}`;
}

function costOf(endpoint: string, pathAndQuery: string): number {
  if (endpoint === 'POST /v1.0/$batch') {
    return 0;
  }
  let cost = BASE_COSTS[endpoint] ?? 1;
  const query = new URLSearchParams(pathAndQuery.split('?')[1] ?? '');
  if (query.has('$select')) {
    cost -= 1;
  }
  if (query.has('$expand')) {
    cost += 1;
  }
  const top = Number(query.get('$top'));
  if (query.has('$top') && Number.isFinite(top) && top < 20) {
    cost -= 1;
  }
  return Math.max(1, cost);
}
