import { randomUUID } from 'node:crypto';
import type { DemoUser } from './demo-records';
import type { DemoTenant } from './demo-tenant';
import { allowsAnyOf } from './demo-permission-grants';
import type { FaultInjector } from './fault-injector';
import { createGraphErrorResponse } from './graph-error-response';
import { ENTITY_SHAPES, type EntityShape } from './graph-entity-shapes';
import type { GraphRequest, GraphResponse } from './graph-exchange';
import { GraphRequestError } from './graph-request-error';
import { findPermissionRule } from './graph-permission-rules';
import { createSkipToken, parseODataQuery, type ODataQuery, type QueryRules } from './odata-query';
import type { RequestStats } from './request-stats';
import { parseUserFilter } from './user-filter';

/** What the router needs to answer: the live tenant, faults to inject, stats to count, and its own base URL. */
export interface GraphRouterContext {
  tenant: DemoTenant;
  faults: FaultInjector;
  stats: RequestStats;
  /** Root URL of the server (no `/v1.0`), used for absolute `@odata.nextLink`s. */
  baseUrl: string;
}

const MAX_BATCH_REQUESTS = 20;
const MAX_CHECK_MEMBER_GROUPS = 20;
const PAGING = { defaultTop: 100, maxTop: 999 };
const LICENSE_ERROR_FILTER = 'hasmemberswithlicenseerrors eq true';

/**
 * Answers one Graph request (from HTTP or inside a `$batch`) from the demo tenant. Never throws:
 * refusals become Graph-shaped error responses.
 */
export function routeGraphRequest(context: GraphRouterContext, request: GraphRequest): GraphResponse {
  const clientRequestId = request.headers['client-request-id'];
  const cost = context.stats.recordOperation(request.method, request.url, request.headers, request.insideBatch);
  if (!isPermitted(request)) {
    context.stats.recordDenied(request.method, request.url);
    return createGraphErrorResponse(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.', clientRequestId);
  }
  const fault = context.faults.take(request.url, request.insideBatch);
  if (fault !== undefined) {
    return createGraphErrorResponse(fault.status, fault.code, fault.message, clientRequestId, fault.headers);
  }
  try {
    const response = dispatch(context, request);
    response.headers['request-id'] ??= clientRequestId ?? randomUUID();
    if (clientRequestId !== undefined) {
      response.headers['client-request-id'] = clientRequestId;
    }
    response.headers['x-ms-resource-unit'] = String(cost);
    return response;
  } catch (error) {
    if (error instanceof GraphRequestError) {
      return createGraphErrorResponse(error.status, error.code, error.message, clientRequestId, error.headers);
    }
    if (error instanceof URIError) {
      return createGraphErrorResponse(400, 'BadRequest', 'The request URL is not correctly percent-encoded.', clientRequestId);
    }
    const message = error instanceof Error ? error.message : String(error);
    return createGraphErrorResponse(500, 'InternalServerError', `Demo tenant failure: ${message}`, clientRequestId);
  }
}

/** Checks the caller's permissions against the demo's transcription of Microsoft's tables. */
function isPermitted(request: GraphRequest): boolean {
  const granted = request.granted ?? { kind: 'all' };
  if (granted.kind === 'all') {
    return true;
  }
  const [pathPart = '', rawQuery = ''] = splitOnce(request.url, '?');
  if (!pathPart.startsWith('/v1.0/')) {
    return true;
  }
  let segments: string[];
  try {
    segments = pathPart
      .slice('/v1.0/'.length)
      .split('/')
      .filter((segment) => segment !== '')
      .map((segment) => decodeURIComponent(segment));
  } catch {
    return true; // dispatch answers the malformed URL
  }
  const params = new URLSearchParams(rawQuery);
  const select = params.get('$select')?.split(',').map((name) => name.trim()) ?? [];
  if (/signInActivity/i.test(params.get('$filter') ?? '')) {
    // Filtering on signInActivity reads it as much as selecting it does.
    select.push('signInActivity');
  }
  const rule = findPermissionRule(request.method, segments, select);
  return rule === undefined || allowsAnyOf(granted, rule.anyOf);
}

function dispatch(context: GraphRouterContext, request: GraphRequest): GraphResponse {
  const [pathPart = '', rawQuery = ''] = splitOnce(request.url, '?');
  if (!pathPart.startsWith('/v1.0/')) {
    throw new GraphRequestError(400, 'BadRequest', `Invalid version: only /v1.0 is served by the demo tenant (${pathPart}).`);
  }
  const segments = pathPart
    .slice('/v1.0/'.length)
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => decodeURIComponent(segment));
  const method = request.method.toUpperCase();
  const { tenant } = context;
  const [first, second, third, fourth, ...extra] = segments;
  if (extra.length > 0 || (fourth !== undefined && !(first === 'groups' && third === 'transitiveMembers'))) {
    throw unsupportedSegment(pathPart);
  }

  if (first === '$batch' && second === undefined) {
    requireMethod(method, 'POST', pathPart);
    if (request.insideBatch) {
      throw new GraphRequestError(400, 'BadRequest', 'A $batch request cannot contain another $batch request.');
    }
    return handleBatch(context, request);
  }
  if (first === 'organization' && second === undefined) {
    requireMethod(method, 'GET', pathPart);
    const query = parseODataQuery(rawQuery, { selectable: ENTITY_SHAPES.organization.properties });
    return collection(context, ENTITY_SHAPES.organization, [tenant.organization], query, pathPart);
  }
  if (first === 'subscribedSkus') {
    requireMethod(method, 'GET', pathPart);
    const rules: QueryRules = { selectable: ENTITY_SHAPES.subscribedSku.properties };
    const query = parseODataQuery(rawQuery, rules);
    if (second === undefined && third === undefined) {
      return collection(context, ENTITY_SHAPES.subscribedSku, tenant.skus, query, pathPart);
    }
    if (third === undefined && second !== undefined) {
      const sku = tenant.skus.find((s) => `${tenant.tenantId}_${s.skuId}`.toLowerCase() === second.toLowerCase());
      if (sku === undefined) {
        throw notFound(second);
      }
      return entity(context, ENTITY_SHAPES.subscribedSku, sku, query);
    }
    throw unsupportedSegment(pathPart);
  }
  if (first === 'directory' && second === 'subscriptions') {
    requireMethod(method, 'GET', pathPart);
    if (third === undefined) {
      const query = parseODataQuery(rawQuery, { selectable: ENTITY_SHAPES.companySubscription.properties, paging: PAGING });
      return collection(context, ENTITY_SHAPES.companySubscription, tenant.subscriptions, query, pathPart);
    }
    const query = parseODataQuery(rawQuery, { selectable: ENTITY_SHAPES.companySubscription.properties });
    const subscription = tenant.subscriptions.find((s) => s.id.toLowerCase() === third.toLowerCase());
    if (subscription === undefined) {
      throw notFound(third);
    }
    return entity(context, ENTITY_SHAPES.companySubscription, subscription, query);
  }
  if (first === 'groups') {
    requireMethod(method, 'GET', pathPart);
    if (third === 'transitiveMembers' && second !== undefined) {
      return handleTransitiveMembers(context, second, fourth, rawQuery, pathPart);
    }
    return handleGroups(context, request, second, third, rawQuery, pathPart);
  }
  if (first === 'users') {
    return handleUsers(context, request, second, third, rawQuery, pathPart);
  }
  throw unsupportedSegment(pathPart);
}

function handleGroups(
  context: GraphRouterContext,
  request: GraphRequest,
  groupId: string | undefined,
  navigation: string | undefined,
  rawQuery: string,
  pathPart: string,
): GraphResponse {
  const { tenant } = context;
  if (groupId === undefined) {
    if (request.headers['consistencylevel'] !== undefined && /hasMembersWithLicenseErrors/i.test(decodeQuery(rawQuery))) {
      // Graph rejects advanced queries on this property; Headroom must not send ConsistencyLevel here.
      throw new GraphRequestError(
        400,
        'Request_UnsupportedQuery',
        "Unsupported or invalid query filter clause specified for property 'hasMembersWithLicenseErrors' of resource 'Group' with ConsistencyLevel header.",
      );
    }
    const query = parseODataQuery(rawQuery, {
      selectable: ENTITY_SHAPES.group.properties,
      paging: PAGING,
      filter: (filter) => {
        if (filter.trim().replace(/\s+/g, ' ').toLowerCase() !== LICENSE_ERROR_FILTER) {
          throw new GraphRequestError(400, 'Request_UnsupportedQuery', `Unsupported or invalid query filter clause specified: '${filter}'.`);
        }
      },
    });
    const groups = query.filter === undefined ? tenant.groups : tenant.groupsWithLicenseErrors();
    return collection(context, ENTITY_SHAPES.group, groups, query, pathPart);
  }
  const group = tenant.findGroup(groupId);
  if (navigation === undefined) {
    const query = parseODataQuery(rawQuery, { selectable: ENTITY_SHAPES.group.properties });
    if (group === undefined) {
      throw notFound(groupId);
    }
    return entity(context, ENTITY_SHAPES.group, group, query);
  }
  if (navigation === 'membersWithLicenseErrors') {
    const query = parseODataQuery(rawQuery, { selectable: ENTITY_SHAPES.user.properties, paging: PAGING });
    if (group === undefined) {
      throw notFound(groupId);
    }
    const members = tenant.membersWithLicenseErrors(group.id);
    return collection(context, ENTITY_SHAPES.user, members, query, pathPart, { withODataType: true, entitySet: 'directoryObjects' });
  }
  throw unsupportedSegment(pathPart);
}

/** `groups/{id}/transitiveMembers[/microsoft.graph.user]`: the demo's members are all users. */
function handleTransitiveMembers(context: GraphRouterContext, groupId: string, cast: string | undefined, rawQuery: string, pathPart: string): GraphResponse {
  if (cast !== undefined && cast.toLowerCase() !== 'microsoft.graph.user') {
    throw new GraphRequestError(400, 'Request_UnsupportedQuery', `The type cast '${cast}' is not supported on transitiveMembers by the demo tenant.`);
  }
  const query = parseODataQuery(rawQuery, { selectable: ENTITY_SHAPES.user.properties, paging: PAGING });
  if (context.tenant.findGroup(groupId) === undefined) {
    throw notFound(groupId);
  }
  const members = context.tenant.transitiveMemberUsers(groupId);
  return collection(context, ENTITY_SHAPES.user, members, query, pathPart, { withODataType: cast === undefined, entitySet: cast === undefined ? 'directoryObjects' : 'users' });
}

function handleUsers(
  context: GraphRouterContext,
  request: GraphRequest,
  userId: string | undefined,
  action: string | undefined,
  rawQuery: string,
  pathPart: string,
): GraphResponse {
  const { tenant } = context;
  const method = request.method.toUpperCase();
  if (userId === undefined) {
    requireMethod(method, 'GET', pathPart);
    const query = parseODataQuery(rawQuery, { selectable: ENTITY_SHAPES.user.properties, paging: PAGING, count: true, filter: (filter) => parseUserFilter(filter) });
    const filter = query.filter === undefined ? undefined : parseUserFilter(query.filter);
    const advancedAsked = request.headers['consistencylevel']?.toLowerCase() === 'eventual' && query.count;
    if (filter?.advanced === true && !advancedAsked) {
      // Graph refuses advanced filters (ne, $count on collections) unless asked as an advanced query.
      throw new GraphRequestError(
        400,
        'Request_UnsupportedQuery',
        "Unsupported or invalid query filter clause specified for property 'assignedLicenses' of resource 'User'.",
      );
    }
    if ((filter?.readsSignInActivity === true || query.select?.includes('signInActivity') === true) && !tenant.premium) {
      throw new GraphRequestError(403, 'Authentication_RequestFromNonPremiumTenantOrB2CTenant', "Neither tenant is B2C or tenant doesn't have premium license");
    }
    if (filter !== undefined) {
      return collection(context, ENTITY_SHAPES.user, tenant.findUsers((user) => filter.matches(user)), query, pathPart);
    }
    const end = Math.min(tenant.userCount, query.offset + query.top);
    const page: DemoUser[] = [];
    for (let index = query.offset; index < end; index += 1) {
      page.push(tenant.userAt(index));
    }
    return renderPage(context, ENTITY_SHAPES.user, page, end < tenant.userCount ? end : undefined, query, pathPart, { total: tenant.userCount });
  }
  if (action === undefined) {
    requireMethod(method, 'GET', pathPart);
    const query = parseODataQuery(rawQuery, { selectable: ENTITY_SHAPES.user.properties });
    const user = tenant.findUser(userId);
    if (user === undefined) {
      throw notFound(userId);
    }
    return entity(context, ENTITY_SHAPES.user, user, query);
  }
  if (action === 'checkMemberGroups') {
    requireMethod(method, 'POST', pathPart);
    parseODataQuery(rawQuery, {});
    const groupIds = readGroupIds(request.body);
    const user = tenant.findUser(userId);
    if (user === undefined) {
      throw notFound(userId);
    }
    const memberOf = tenant.transitiveGroupIds(user.id);
    return json(200, {
      '@odata.context': `${context.baseUrl}/v1.0/$metadata#Collection(Edm.String)`,
      value: groupIds.filter((groupId) => memberOf.has(groupId.toLowerCase())),
    });
  }
  throw unsupportedSegment(pathPart);
}

function handleBatch(context: GraphRouterContext, request: GraphRequest): GraphResponse {
  const requests = readBatchRequests(request.body);
  const responses = requests.map((inner) => {
    const url = inner.url.startsWith('/') ? inner.url : `/${inner.url}`;
    const response = routeGraphRequest(context, {
      method: inner.method,
      url: `/v1.0${url}`,
      headers: lowerCaseKeys(inner.headers),
      body: inner.body,
      insideBatch: true,
      granted: request.granted,
    });
    return { id: inner.id, status: response.status, headers: response.headers, body: response.body };
  });
  return json(200, { responses });
}

interface BatchItem {
  id: string;
  method: string;
  url: string;
  headers: Record<string, unknown>;
  body: unknown;
}

function readBatchRequests(body: unknown): BatchItem[] {
  if (!isRecord(body) || !Array.isArray(body['requests'])) {
    throw new GraphRequestError(400, 'BadRequest', 'Invalid batch payload format: a "requests" array is required.');
  }
  const items: unknown[] = body['requests'];
  if (items.length === 0) {
    throw new GraphRequestError(400, 'BadRequest', 'Invalid batch payload format: the "requests" array is empty.');
  }
  if (items.length > MAX_BATCH_REQUESTS) {
    throw new GraphRequestError(400, 'BadRequest', `Number of requests in a batch exceeds the limit of ${MAX_BATCH_REQUESTS}.`);
  }
  const ids = new Set<string>();
  return items.map((item) => {
    if (!isRecord(item) || typeof item['id'] !== 'string' || typeof item['method'] !== 'string' || typeof item['url'] !== 'string') {
      throw new GraphRequestError(400, 'BadRequest', 'Invalid batch payload format: each request needs string id, method and url.');
    }
    if (ids.has(item['id'])) {
      throw new GraphRequestError(400, 'BadRequest', `Batch request ids must be unique; '${item['id']}' is repeated.`);
    }
    ids.add(item['id']);
    if (/^https?:/i.test(item['url'])) {
      throw new GraphRequestError(400, 'BadRequest', 'Batch request urls must be relative, e.g. /users.');
    }
    const headers = item['headers'];
    return { id: item['id'], method: item['method'], url: item['url'], headers: isRecord(headers) ? headers : {}, body: item['body'] };
  });
}

function readGroupIds(body: unknown): string[] {
  if (!isRecord(body) || !Array.isArray(body['groupIds'])) {
    throw new GraphRequestError(400, 'BadRequest', 'Invalid request body: groupIds is required.');
  }
  const groupIds: unknown[] = body['groupIds'];
  if (!groupIds.every((value): value is string => typeof value === 'string')) {
    throw new GraphRequestError(400, 'BadRequest', 'Invalid request body: groupIds must be strings.');
  }
  if (groupIds.length > MAX_CHECK_MEMBER_GROUPS) {
    throw new GraphRequestError(400, 'BadRequest', `groupIds may hold at most ${MAX_CHECK_MEMBER_GROUPS} ids.`);
  }
  return groupIds;
}

interface CollectionOptions {
  withODataType?: boolean;
  entitySet?: string;
  /** The size of the whole collection, for `@odata.count`. */
  total?: number;
}

function collection<T>(
  context: GraphRouterContext,
  shape: EntityShape<T>,
  items: readonly T[],
  query: ODataQuery,
  pathPart: string,
  options: CollectionOptions = {},
): GraphResponse {
  const end = Math.min(items.length, query.offset + query.top);
  return renderPage(context, shape, items.slice(query.offset, end), end < items.length ? end : undefined, query, pathPart, { ...options, total: items.length });
}

function renderPage<T>(
  context: GraphRouterContext,
  shape: EntityShape<T>,
  items: readonly T[],
  nextOffset: number | undefined,
  query: ODataQuery,
  pathPart: string,
  options: CollectionOptions = {},
): GraphResponse {
  const set = options.entitySet ?? shape.entitySet;
  const body: Record<string, unknown> = {
    '@odata.context': `${context.baseUrl}/v1.0/$metadata#${set}${query.select === undefined ? '' : `(${query.select.join(',')})`}`,
  };
  if (options.total !== undefined && query.count) {
    body['@odata.count'] = options.total;
  }
  if (nextOffset !== undefined) {
    body['@odata.nextLink'] = nextLink(context.baseUrl, pathPart, query.raw, nextOffset);
  }
  body['value'] = items.map((item) => {
    const projected = project(shape, shape.toGraph(item, context.tenant), query.select);
    return options.withODataType === true ? { '@odata.type': shape.odataType, ...projected } : projected;
  });
  return json(200, body);
}

function entity<T>(context: GraphRouterContext, shape: EntityShape<T>, item: T, query: ODataQuery): GraphResponse {
  const selection = query.select === undefined ? '' : `(${query.select.join(',')})`;
  return json(200, {
    '@odata.context': `${context.baseUrl}/v1.0/$metadata#${shape.entitySet}${selection}/$entity`,
    ...project(shape, shape.toGraph(item, context.tenant), query.select),
  });
}

function project<T>(shape: EntityShape<T>, record: Record<string, unknown>, select: string[] | undefined): Record<string, unknown> {
  const names = select === undefined ? shape.defaults : ['id', ...select.filter((name) => name !== 'id')];
  const out: Record<string, unknown> = {};
  for (const name of names) {
    out[name] = record[name] ?? null;
  }
  return out;
}

function nextLink(baseUrl: string, pathPart: string, rawQuery: string, offset: number): string {
  const kept = rawQuery
    .split('&')
    .filter((part) => part !== '' && decodeQuery(part.split('=')[0] ?? '').toLowerCase() !== '$skiptoken');
  kept.push(`$skiptoken=${createSkipToken(offset)}`);
  return `${baseUrl}${pathPart}?${kept.join('&')}`;
}

function json(status: number, body: unknown): GraphResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8' },
    body,
  };
}

function requireMethod(method: string, expected: string, pathPart: string): void {
  if (method !== expected) {
    throw new GraphRequestError(400, 'BadRequest', `${method} is not supported on ${pathPart} by the demo tenant.`);
  }
}

function unsupportedSegment(pathPart: string): GraphRequestError {
  return new GraphRequestError(400, 'BadRequest', `Resource not found for the segment '${pathPart}'.`);
}

function notFound(id: string): GraphRequestError {
  return new GraphRequestError(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + 1)];
}

function decodeQuery(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

function lowerCaseKeys(headers: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value === 'string') {
      out[name.toLowerCase()] = value;
    }
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
