import { ForbiddenError } from '../errors';
import type { HeadroomPermission } from './graph-permissions';

/**
 * Microsoft Graph refused a call because Headroom's app registration lacks an application
 * permission. `permissions` names what to grant, from the permission table.
 */
export class MissingPermissionError extends ForbiddenError {
  constructor(
    message: string,
    readonly permissions: readonly HeadroomPermission[],
    /** The permission table's id of the call that was refused. */
    readonly callId: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
