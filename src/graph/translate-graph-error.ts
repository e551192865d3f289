import { ForbiddenError, MissingPermissionError, NotFoundError, PremiumLicenseRequiredError, UnavailableError } from '../errors';
import type { HeadroomError } from '../errors';
import { findGraphCall } from './find-graph-call';
import { REQUIRED_PERMISSIONS } from './graph-permissions';


/** The required application permissions, as one phrase for messages. */
const REQUIRED = REQUIRED_PERMISSIONS.join(', ');

/** Graph's code when a tenant without Microsoft Entra ID P1/P2 asks for premium data such as signInActivity. */
const NON_PREMIUM_TENANT = 'Authentication_RequestFromNonPremiumTenantOrB2CTenant';

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
  const call = findGraphCall(failure.method, path);
  const resource = { description: call?.description ?? (/^\$batch/i.test(path) ? 'a batch of reads' : 'data') };
  const said = code === null ? `HTTP ${failure.status}` : `HTTP ${failure.status} ${code}${message === null ? '' : `: ${message}`}`;

  if (failure.status === 401) {
    return new ForbiddenError(
      `Microsoft Graph did not accept Headroom's credentials while reading ${resource.description} (${said}). ` +
        'Check AZURE_TENANT_ID, AZURE_CLIENT_ID and the secret or certificate, and that admin consent was granted for ' +
        `the application permissions ${REQUIRED}.`,
    );
  }
  if (failure.status === 403) {
    if (code === NON_PREMIUM_TENANT) {
      return new PremiumLicenseRequiredError(
        `Microsoft Graph refused ${resource.description}: the tenant has no Microsoft Entra ID P1 or P2 license, which this data needs (Graph said ${said}). ` +
          'Granting a permission does not change this.',
      );
    }
    if (PERMISSION_HINT.test(`${code ?? ''} ${message ?? ''}`)) {
      if (call === undefined) {
        return new ForbiddenError(
          `Headroom's app registration lacks a permission for ${resource.description} in Microsoft Graph (Graph said ${said}). ` +
            `Ask an administrator to grant admin consent for the application permissions ${REQUIRED}.`,
        );
      }
      const needs = call.needs.join(' and ');
      return new MissingPermissionError(
        `Headroom's app registration lacks permission to read ${resource.description} in Microsoft Graph: it needs the ` +
          `application permission ${needs} (Graph said ${said}). Ask an administrator to grant admin consent for ${needs}; ` +
          '`npm run doctor` lists what is granted.',
        call.needs,
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
