import { ForbiddenError, NotFoundError, UnavailableError } from '../errors';
import type { HeadroomError } from '../errors';

/** Every application permission Headroom's app registration needs in Microsoft Graph. */
const ALL_PERMISSIONS = 'LicenseAssignment.Read.All, Organization.Read.All, Group.Read.All, GroupMember.Read.All, User.Read.All';

interface ResourceKind {
  pattern: RegExp;
  description: string;
  permission: string;
}

/** Most specific first: what a path reads, and the least privileged permission that reads it. */
const RESOURCES: ResourceKind[] = [
  { pattern: /^organization/i, description: 'the organization profile', permission: 'Organization.Read.All' },
  { pattern: /^subscribedSkus/i, description: 'subscribed licenses (subscribedSkus)', permission: 'LicenseAssignment.Read.All' },
  { pattern: /^directory\/subscriptions/i, description: 'the tenant subscriptions', permission: 'LicenseAssignment.Read.All' },
  { pattern: /^groups\/[^/?]+\/membersWithLicenseErrors/i, description: 'group members with license errors', permission: 'GroupMember.Read.All' },
  { pattern: /^groups/i, description: 'groups', permission: 'Group.Read.All' },
  { pattern: /^users\/[^/?]+\/checkMemberGroups/i, description: 'group memberships of a user', permission: 'GroupMember.Read.All' },
  { pattern: /^users/i, description: 'users and their license states', permission: 'User.Read.All' },
  { pattern: /^\$batch/i, description: 'a batch of reads', permission: ALL_PERMISSIONS },
];

const PERMISSION_HINT = /privilege|permission|consent|scope|role|Authorization_RequestDenied|AccessDenied/i;

/** What went wrong with one Graph request, as far as the adapter saw it. */
export interface GraphFailure {
  status: number;
  /** The parsed response body, or the raw text when it was not JSON. */
  body: unknown;
  method: string;
  /** Path under the version root, e.g. `groups/abc/membersWithLicenseErrors?$select=id`. */
  path: string;
  /** Attempts made, when retries were exhausted. */
  attempts?: number;
}

/**
 * Turns a failed Graph response into the Headroom error an admin can act on: 401/403 ->
 * ForbiddenError naming the permission to consent to, 404 -> NotFoundError, anything else
 * (throttling and outages after retries included) -> UnavailableError carrying Graph's error code.
 */
export function translateGraphError(failure: GraphFailure): HeadroomError {
  const { code, message } = readGraphError(failure.body);
  const path = failure.path.replace(/^\/+/, '');
  const resource = RESOURCES.find((kind) => kind.pattern.test(path)) ?? {
    description: 'data',
    permission: ALL_PERMISSIONS,
  };
  const said = code === null ? `HTTP ${failure.status}` : `HTTP ${failure.status} ${code}${message === null ? '' : `: ${message}`}`;

  if (failure.status === 401) {
    return new ForbiddenError(
      `Microsoft Graph did not accept Headroom's credentials while reading ${resource.description} (${said}). ` +
        'Check the app registration id, secret or certificate, and that admin consent was granted for ' +
        `${ALL_PERMISSIONS}.`,
    );
  }
  if (failure.status === 403) {
    if (PERMISSION_HINT.test(`${code ?? ''} ${message ?? ''}`)) {
      return new ForbiddenError(
        `Headroom's app registration lacks permission to read ${resource.description} in Microsoft Graph ` +
          `(needs ${resource.permission}; Graph said ${said}). Ask an administrator to grant admin consent for ` +
          `${ALL_PERMISSIONS}.`,
      );
    }
    return new ForbiddenError(`Microsoft Graph denied Headroom access to ${resource.description} (${said}).`);
  }
  if (failure.status === 404) {
    return new NotFoundError(`Microsoft Graph found no such ${resource.description} (${said}).`);
  }
  if (failure.attempts !== undefined) {
    return new UnavailableError(
      `Microsoft Graph is throttling or unavailable while reading ${resource.description} (${said}); ` +
        `gave up after ${failure.attempts} attempt${failure.attempts === 1 ? '' : 's'}. Try again in a few minutes.`,
    );
  }
  return new UnavailableError(`Microsoft Graph could not answer a request for ${resource.description} (${said}).`);
}

function readGraphError(body: unknown): { code: string | null; message: string | null } {
  if (typeof body !== 'object' || body === null || !('error' in body)) {
    return { code: null, message: null };
  }
  const error: unknown = body.error;
  if (typeof error !== 'object' || error === null) {
    return { code: null, message: null };
  }
  const code = 'code' in error && typeof error.code === 'string' ? error.code : null;
  const message = 'message' in error && typeof error.message === 'string' ? error.message.slice(0, 300) : null;
  return { code, message };
}
