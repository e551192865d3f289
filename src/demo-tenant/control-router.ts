import { NotFoundError, ValidationError } from '../errors';
import type { DemoPermissionGrants } from './demo-permission-grants';
import type { DemoTenant, SkuPatch } from './demo-tenant';
import type { FaultInjector, FaultSpec } from './fault-injector';
import { createGraphErrorResponse } from './graph-error-response';
import type { GraphResponse } from './graph-exchange';
import type { RequestStats } from './request-stats';

export interface ControlContext {
  tenant: DemoTenant;
  faults: FaultInjector;
  stats: RequestStats;
  grants: DemoPermissionGrants;
}

const SKU_PATCH_KEYS: readonly (keyof SkuPatch)[] = ['consumedUnits', 'enabled', 'warning', 'suspended', 'lockedOut'];

/**
 * The test and demo control endpoints under `/_demo`:
 * - `GET /_demo/tenant`: summary of the tenant
 * - `POST /_demo/skus/{skuIdOrPartNumber}` with `{consumedUnits?, enabled?, warning?, suspended?, lockedOut?}`
 * - `POST /_demo/waiting` with `{groupId, skuId, count?}`: adds `count` (default 1) new waiting users
 * - `DELETE /_demo/waiting/{skuId}[?count=n]`: clears waiting users of a SKU
 * - `POST /_demo/faults` with a FaultSpec, `DELETE /_demo/faults`
 * - `GET /_demo/stats`, `DELETE /_demo/stats`
 * - `GET /_demo/permissions`; `POST /_demo/permissions` with `{ "granted": ["Organization.Read.All", ...] }`
 *   sets the application permissions of token-less callers; `DELETE /_demo/permissions` grants everything again
 * - `POST /_demo/premium` with `{ "premium": false }`: the tenant loses Microsoft Entra ID P1/P2, so Graph
 *   refuses signInActivity as it does for such tenants; `{ "premium": true }` restores it
 */
export function routeControlRequest(context: ControlContext, method: string, pathAndQuery: string, body: unknown): GraphResponse {
  const [path = '', rawQuery = ''] = pathAndQuery.split('?');
  const segments = path.split('/').filter((s) => s !== '').slice(1).map((s) => decodeURIComponent(s));
  const route = `${method.toUpperCase()} ${segments[0] ?? ''}${segments.length > 1 ? '/*' : ''}`;
  try {
    switch (route) {
      case 'GET tenant':
        return ok(context.tenant.summarize());
      case 'POST skus/*':
        return ok(context.tenant.updateSku(segments[1] ?? '', readSkuPatch(body)));
      case 'POST waiting':
        return ok({ userIds: addWaiting(context.tenant, body) });
      case 'DELETE waiting/*': {
        const countText = new URLSearchParams(rawQuery).get('count');
        const count = countText === null ? undefined : readCount(Number(countText));
        return ok({ removed: context.tenant.removeWaitingUsers(segments[1] ?? '', count) });
      }
      case 'POST faults':
        context.faults.inject(readFault(body));
        return ok({ pending: context.faults.pending });
      case 'DELETE faults':
        context.faults.clear();
        return ok({ pending: 0 });
      case 'GET permissions':
        return ok(context.grants.describe());
      case 'POST permissions':
        context.grants.grantOnly(requireRecord(body)['granted']);
        return ok(context.grants.describe());
      case 'DELETE permissions':
        context.grants.grantAll();
        return ok(context.grants.describe());
      case 'POST premium':
        context.tenant.premium = readPremium(body);
        return ok({ premium: context.tenant.premium });
      case 'GET stats':
        return ok(statsOf(context.stats));
      case 'DELETE stats':
        context.stats.reset();
        return ok(statsOf(context.stats));
      default:
        return createGraphErrorResponse(404, 'Request_ResourceNotFound', `No control endpoint ${method} ${path}`, undefined);
    }
  } catch (error) {
    if (error instanceof NotFoundError) {
      return createGraphErrorResponse(404, 'Request_ResourceNotFound', error.message, undefined);
    }
    if (error instanceof ValidationError || error instanceof RangeError || error instanceof URIError) {
      return createGraphErrorResponse(400, 'BadRequest', error.message, undefined);
    }
    throw error;
  }
}

function addWaiting(tenant: DemoTenant, body: unknown): string[] {
  const record = requireRecord(body);
  const { groupId, skuId } = record;
  if (typeof groupId !== 'string' || typeof skuId !== 'string') {
    throw new ValidationError('groupId and skuId are required strings');
  }
  const count = record['count'] === undefined ? 1 : readCount(record['count']);
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    ids.push(tenant.addWaitingUser(groupId, skuId));
  }
  return ids;
}

function readPremium(body: unknown): boolean {
  const premium = requireRecord(body)['premium'];
  if (typeof premium !== 'boolean') {
    throw new ValidationError('premium must be true or false');
  }
  return premium;
}

function readSkuPatch(body: unknown): SkuPatch {
  const record = requireRecord(body);
  const patch: SkuPatch = {};
  for (const [key, value] of Object.entries(record)) {
    const known = SKU_PATCH_KEYS.find((k) => k === key);
    if (known === undefined) {
      throw new ValidationError(`Unknown SKU field ${key}; use ${SKU_PATCH_KEYS.join(', ')}`);
    }
    if (typeof value !== 'number') {
      throw new ValidationError(`${key} must be a number`);
    }
    patch[known] = value;
  }
  return patch;
}

function readFault(body: unknown): FaultSpec {
  const record = requireRecord(body);
  const { status, times, retryAfterSeconds, pathIncludes, insideBatch, code, message } = record;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 400 || status > 599) {
    throw new ValidationError('status must be an HTTP error status');
  }
  const optional = <T>(value: unknown, type: 'number' | 'string' | 'boolean'): T | undefined => {
    if (value === undefined) {
      return undefined;
    }
    if (typeof value !== type) {
      throw new ValidationError(`expected a ${type}, got ${typeof value}`);
    }
    return value as T;
  };
  return {
    status,
    times: optional<number>(times, 'number'),
    retryAfterSeconds: optional<number>(retryAfterSeconds, 'number'),
    pathIncludes: optional<string>(pathIncludes, 'string'),
    insideBatch: optional<boolean>(insideBatch, 'boolean'),
    code: optional<string>(code, 'string'),
    message: optional<string>(message, 'string'),
  };
}

function readCount(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 10000) {
    throw new ValidationError('count must be a whole number from 1 to 10000');
  }
  return value;
}

function requireRecord(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ValidationError('A JSON object body is required');
  }
  return body as Record<string, unknown>;
}

function statsOf(stats: RequestStats): Record<string, unknown> {
  return {
    httpRequests: stats.httpRequests,
    batchParts: stats.batchParts,
    byEndpoint: stats.byEndpoint,
    resourceUnits: stats.resourceUnits,
    headersSeen: stats.headersSeen,
    denied: stats.denied,
    deniedByEndpoint: stats.deniedByEndpoint,
  };
}

function ok(body: unknown): GraphResponse {
  return { status: 200, headers: { 'content-type': 'application/json' }, body };
}
