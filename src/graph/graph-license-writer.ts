import { UnavailableError, ValidationError } from '../errors';
import { LicenseWriteError, type LicenseWriter } from '../reclaim/license-writer';
import { readAllPages } from './graph-paging';
import type { GraphRequester } from './graph-requester';
import { translateLicenseWriteError } from './translate-license-write-error';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The license writes of reclaiming, over Microsoft Graph:
 * - `removeDirectLicense`: `POST /users/{id}/assignLicense` with `addLicenses: []` and
 *   `removeLicenses: [skuId]` (LicenseAssignment.ReadWrite.All). Sent once: only a 429 is retried,
 *   since Graph did nothing then; after a lost connection, 503 or 504 it throws UnavailableError saying
 *   the outcome is unknown.
 * - `reprocessGroup`: Graph documents reprocessing per user only, so it reads the group's
 *   `membersWithLicenseErrors` (GroupMember.Read.All) and sends `POST /users/{id}/reprocessLicenseAssignment`
 *   (User.ReadWrite.All) for each member, once. Reprocessing is idempotent, so it is retried as reads are.
 * Graph's refusals become LicenseWriteError (code and status as Graph answered), a missing permission
 * MissingPermissionError naming it from the permission table.
 */
export class GraphLicenseWriter implements LicenseWriter {
  constructor(private readonly requester: GraphRequester) {}

  async removeDirectLicense(userId: string, skuId: string): Promise<void> {
    requireGuid(userId, 'an Entra user id');
    requireGuid(skuId, 'a SKU id');
    const subject = `user ${userId} and SKU ${skuId}`;
    await this.requester.send({
      method: 'POST',
      path: `users/${encodeURIComponent(userId)}/assignLicense`,
      body: { addLicenses: [], removeLicenses: [skuId] },
      retry: 'throttling-only',
      translate: (failure) => translateLicenseWriteError(failure, subject, true),
    });
  }

  async reprocessGroup(groupId: string): Promise<void> {
    requireGuid(groupId, 'an Entra group id');
    const memberIds = await readAllPages(this.requester, `groups/${encodeURIComponent(groupId)}/membersWithLicenseErrors?$select=id`, readId, {
      translate: (failure) => translateLicenseWriteError(failure, `group ${groupId}`, false),
    });
    const refused: LicenseWriteError[] = [];
    for (const userId of new Set(memberIds.map((id) => id.toLowerCase()))) {
      try {
        await this.requester.send({
          method: 'POST',
          path: `users/${encodeURIComponent(userId)}/reprocessLicenseAssignment`,
          translate: (failure) => translateLicenseWriteError(failure, `user ${userId} (a member of group ${groupId})`, false),
        });
      } catch (error) {
        // A member deleted since the group was read has nothing left to reprocess.
        if (error instanceof LicenseWriteError && error.status === 404) {
          continue;
        }
        if (error instanceof LicenseWriteError) {
          refused.push(error);
          continue;
        }
        throw error;
      }
    }
    const first = refused[0];
    if (first !== undefined) {
      const others = refused.length - 1;
      throw new LicenseWriteError(
        `${first.message}${others > 0 ? ` ${others} other member${others === 1 ? ' was' : 's were'} refused too.` : ''} The group's other members were reprocessed.`,
        first.code,
        first.status,
      );
    }
  }
}

function requireGuid(value: string, what: string): void {
  if (!GUID.test(value)) {
    throw new ValidationError(`"${value.slice(0, 60)}" is not ${what} (a GUID).`);
  }
}

function readId(item: unknown): string {
  if (typeof item !== 'object' || item === null || !('id' in item) || typeof item.id !== 'string') {
    throw new UnavailableError('Microsoft Graph answered membersWithLicenseErrors with a member without an id.');
  }
  return item.id;
}
