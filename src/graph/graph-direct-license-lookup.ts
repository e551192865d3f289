import { UnavailableError, ValidationError } from '../errors';
import type { DirectLicenseLookup } from '../reclaim/direct-license-lookup';
import type { GraphRequester } from './graph-requester';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Reads a user's `licenseAssignmentStates` (`GET /users/{id}?$select=id,licenseAssignmentStates`, the
 * `user-license-states` call of the permission table: User.Read.All). A state with
 * `assignedByGroup: null` is a direct assignment.
 */
export class GraphDirectLicenseLookup implements DirectLicenseLookup {
  constructor(private readonly requester: GraphRequester) {}

  async holdsDirectly(userId: string, skuId: string): Promise<boolean> {
    if (!GUID.test(userId)) {
      throw new ValidationError(`"${userId.slice(0, 60)}" is not an Entra user id (a GUID).`);
    }
    const body = await this.requester.send({ method: 'GET', path: `users/${userId}?$select=id,licenseAssignmentStates` });
    const states = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).licenseAssignmentStates : undefined;
    if (!Array.isArray(states)) {
      throw new UnavailableError('Microsoft Graph answered a user read without licenseAssignmentStates.');
    }
    return states.some((state: unknown) => {
      if (typeof state !== 'object' || state === null) {
        return false;
      }
      const record = state as Record<string, unknown>;
      return typeof record.skuId === 'string' && record.skuId.toLowerCase() === skuId.toLowerCase() && (record.assignedByGroup ?? null) === null;
    });
  }
}
