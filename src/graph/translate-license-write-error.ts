import { MissingPermissionError, UnavailableError } from '../errors';
import { LicenseWriteError } from '../reclaim/license-writer';
import { findGraphCall } from './find-graph-call';
import { readGraphError, translateGraphError, type GraphFailure } from './translate-graph-error';

const PERMISSION_HINT = /privilege|permission|consent|scope|role|Authorization_RequestDenied|AccessDenied/i;

/**
 * Turns a failed license write (`assignLicense`, `reprocessLicenseAssignment`) into the error the
 * reclaim flow acts on:
 * - 401: the credentials (as for reads);
 * - 403 for want of a permission: MissingPermissionError naming the permission from the table;
 * - 429 after retries, 5xx: UnavailableError; after a 5xx to a write that is not repeated (`outcomeUnknown`),
 *   it says the change may or may not have been made (a 429 changed nothing);
 * - any other answer (400, 404, a 403 that is not about permissions): LicenseWriteError with Graph's code
 *   and status, nothing changed.
 */
export function translateLicenseWriteError(failure: GraphFailure, subject: string, outcomeUnknown: boolean): Error {
  const { code, message } = readGraphError(failure.body);
  const said = code === null ? `HTTP ${failure.status}` : `HTTP ${failure.status} ${code}${message === null ? '' : `: ${message}`}`;
  const call = findGraphCall(failure.method, failure.path);
  const action = call?.description ?? `${failure.method} ${failure.path.split('?')[0] ?? ''}`;
  if (failure.status === 401) {
    return translateGraphError(failure);
  }
  if (failure.status === 403 && call !== undefined && PERMISSION_HINT.test(`${code ?? ''} ${message ?? ''}`)) {
    const needs = call.needs.join(' and ');
    return new MissingPermissionError(
      `Headroom's app registration lacks permission for ${action} in Microsoft Graph: it needs the application permission ${needs} ` +
        `(Graph said ${said}). Ask an administrator to grant admin consent for ${needs}; \`npm run doctor\` lists what is granted.`,
      call.needs,
    );
  }
  if (failure.status === 429 || failure.status >= 500) {
    // A 429 is refused before anything is done; a 5xx after a write was sent leaves its outcome open.
    const tail =
      outcomeUnknown && failure.status !== 429
        ? 'the change may or may not have been made, so Headroom did not send it again; check the user before retrying'
        : 'nothing was changed; try again in a few minutes';
    return new UnavailableError(`Microsoft Graph could not complete ${action} for ${subject} (${said}); ${tail}.`);
  }
  return new LicenseWriteError(`Microsoft Graph refused ${action} for ${subject} (${said}).`, code ?? 'Unknown', failure.status);
}
