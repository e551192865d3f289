import { UnavailableError, ValidationError } from '../errors';
import type { GraphRequester } from './graph-requester';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Graph's limit of group ids per checkMemberGroups call. */
const MAX_GROUPS_PER_CALL = 20;

/** Answers "is this user in these Entra groups?" through Graph, for authorizing admins and approvers. */
export class GraphMemberChecker {
  constructor(private readonly requester: GraphRequester) {}

  /**
   * Returns those of `groupIds` the user is a member of, directly or transitively (Graph
   * `checkMemberGroups`), in the order given. Ids that are not GUIDs are refused with a
   * ValidationError before Graph is called; an unknown user is a NotFoundError.
   */
  async checkMemberGroups(userId: string, groupIds: string[]): Promise<string[]> {
    if (!GUID.test(userId)) {
      throw new ValidationError(`"${userId.slice(0, 60)}" is not an Entra user id (a GUID).`);
    }
    const invalid = groupIds.find((id) => !GUID.test(id));
    if (invalid !== undefined) {
      throw new ValidationError(`"${invalid.slice(0, 60)}" is not an Entra group id (a GUID).`);
    }
    const wanted = [...new Set(groupIds.map((id) => id.toLowerCase()))];
    const member = new Set<string>();
    for (let start = 0; start < wanted.length; start += MAX_GROUPS_PER_CALL) {
      const body = await this.requester.send({
        method: 'POST',
        path: `users/${userId}/checkMemberGroups`,
        body: { groupIds: wanted.slice(start, start + MAX_GROUPS_PER_CALL) },
      });
      for (const id of readIds(body)) {
        member.add(id.toLowerCase());
      }
    }
    return groupIds.filter((id, index) => member.has(id.toLowerCase()) && groupIds.indexOf(id) === index);
  }
}

function readIds(body: unknown): string[] {
  if (typeof body !== 'object' || body === null || !('value' in body) || !Array.isArray(body.value)) {
    throw new UnavailableError('Microsoft Graph answered checkMemberGroups without a "value" list.');
  }
  return (body.value as unknown[]).filter((id): id is string => typeof id === 'string');
}
