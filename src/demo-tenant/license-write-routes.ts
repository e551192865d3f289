import type { DemoUser } from './demo-records';
import type { DemoTenant, LicenseRemovalRefusal } from './demo-tenant';
import { GraphRequestError } from './graph-request-error';
import type { RequestStats } from './request-stats';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `POST /users/{id}/assignLicense` in the demo Graph: validates the body as Graph does (both lists are
 * required; `removeLicenses` holds SKU GUIDs) and applies removals all or nothing. Graph answers every
 * refusal with 400 `Request_BadRequest`; the messages for a group-inherited license, a broken service
 * plan dependency and a missing parameter are Graph's own (as reported in public issue threads), the
 * others are the demo's wording. Adding licenses is not served by the demo. Returns the updated user.
 */
export function assignLicense(tenant: DemoTenant, userId: string, body: unknown): DemoUser {
  const { addLicenses, removeLicenses } = readAssignLicenseBody(body);
  if (addLicenses.length > 0) {
    throw new GraphRequestError(400, 'BadRequest', 'The demo tenant serves assignLicense for removals only: addLicenses must be empty.');
  }
  const user = tenant.findUser(userId);
  if (user === undefined) {
    throw notFound(userId);
  }
  const refusal = tenant.removeDirectLicenses(user.id, removeLicenses);
  if (refusal !== null) {
    throw refusalError(refusal);
  }
  return tenant.findUser(user.id) ?? user;
}

/**
 * `POST /users/{id}/reprocessLicenseAssignment` in the demo Graph: no body; re-evaluates the user's
 * failed group assignments and answers the updated user. Counted per user in the request stats.
 */
export function reprocessLicenseAssignment(tenant: DemoTenant, stats: RequestStats, userId: string, body: unknown): DemoUser {
  if (body !== undefined && body !== null && !(typeof body === 'object' && Object.keys(body).length === 0)) {
    throw new GraphRequestError(400, 'BadRequest', 'reprocessLicenseAssignment takes no request body.');
  }
  const user = tenant.findUser(userId);
  if (user === undefined) {
    throw notFound(userId);
  }
  stats.recordReprocess(user.id);
  tenant.reprocessLicenseAssignments(user.id);
  return tenant.findUser(user.id) ?? user;
}

function readAssignLicenseBody(body: unknown): { addLicenses: unknown[]; removeLicenses: string[] } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new GraphRequestError(400, 'Request_BadRequest', 'The request body of assignLicense must be a JSON object with addLicenses and removeLicenses.');
  }
  const record = body as Record<string, unknown>;
  const missing = ['addLicenses', 'removeLicenses'].filter((name) => record[name] === undefined || record[name] === null);
  if (missing.length > 0) {
    throw new GraphRequestError(
      400,
      'Request_BadRequest',
      `One or more parameters of the operation 'assignLicense' are missing from the request payload. The missing parameters are: ${missing.join(', ')}.`,
    );
  }
  const { addLicenses, removeLicenses } = record;
  if (!Array.isArray(addLicenses) || !Array.isArray(removeLicenses)) {
    throw new GraphRequestError(400, 'BadRequest', 'addLicenses and removeLicenses must be collections.');
  }
  const skuIds: string[] = [];
  for (const item of removeLicenses as unknown[]) {
    if (typeof item !== 'string' || !GUID.test(item)) {
      throw new GraphRequestError(400, 'BadRequest', "Cannot convert a primitive value to the expected type 'Edm.Guid'. See the inner exception for more details.");
    }
    skuIds.push(item);
  }
  return { addLicenses: addLicenses as unknown[], removeLicenses: skuIds };
}

function refusalError(refusal: LicenseRemovalRefusal): GraphRequestError {
  switch (refusal.reason) {
    case 'unknown-sku':
      return new GraphRequestError(400, 'Request_BadRequest', `License ${refusal.skuId} does not correspond to a valid company License.`);
    case 'not-held':
      return new GraphRequestError(400, 'Request_BadRequest', `User does not have a corresponding license ${refusal.skuId} to remove.`);
    case 'inherited':
      return new GraphRequestError(400, 'Request_BadRequest', 'User license is inherited from a group membership and it cannot be removed directly from the user.');
    case 'dependency':
      return new GraphRequestError(
        400,
        'Request_BadRequest',
        `License assignment failed because service plan ${refusal.dependency.dependentPlanId} depends on the service plan(s) ${refusal.dependency.requiredPlanId}.`,
      );
  }
}

function notFound(id: string): GraphRequestError {
  return new GraphRequestError(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
}
