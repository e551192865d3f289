import type { DirectoryUser, ReclaimDirectory } from '../reclaim/reclaim-directory';
import type { GraphBatchReader } from './graph-batch-reader';
import { readAllPages } from './graph-paging';
import type { GraphRequester } from './graph-requester';
import { DIRECTORY_USER_FIELDS, parseDirectoryUser } from './parse-directory-user';

/** Graph answers `ne` and `$count` on a collection only as an advanced query. */
const ADVANCED_QUERY = { ConsistencyLevel: 'eventual' } as const;
/** Graph's largest page; with signInActivity selected the docs give 500. */
const PAGE = 999;
const SIGN_IN_PAGE = 500;

/**
 * The reclaim scan's reads from Microsoft Graph. Each read is a filter Graph evaluates, so the number
 * of requests grows with what is found (disabled and stale accounts, exclusion group members), not with
 * the tenant's user count:
 * - `users?$filter=accountEnabled eq false and assignedLicenses/$count ne 0&$count=true` (advanced query);
 * - `users?$filter=signInActivity/lastSuccessfulSignInDateTime le {cutoff}` and `... eq null` (signInActivity
 *   filters do not combine with other properties, so enabled, licensed and created are checked here);
 * - `groups/{id}/transitiveMembers/microsoft.graph.user?$select=id`;
 * - the assigning groups' names, through `$batch`.
 */
export class GraphReclaimReader implements ReclaimDirectory {
  constructor(
    private readonly requester: GraphRequester,
    private readonly batches: GraphBatchReader,
  ) {}

  disabledLicensedUsers(): Promise<DirectoryUser[]> {
    const filter = encodeURIComponent('accountEnabled eq false and assignedLicenses/$count ne 0');
    return readAllPages(this.requester, `users?$filter=${filter}&$count=true&$select=${DIRECTORY_USER_FIELDS}&$top=${PAGE}`, parseDirectoryUser, {
      headers: ADVANCED_QUERY,
    });
  }

  async usersNotSignedInSince(cutoff: Date): Promise<DirectoryUser[]> {
    const select = `$select=${DIRECTORY_USER_FIELDS},signInActivity&$top=${SIGN_IN_PAGE}`;
    const date = cutoff.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const stale = await readAllPages(
      this.requester,
      `users?$filter=${encodeURIComponent(`signInActivity/lastSuccessfulSignInDateTime le ${date}`)}&${select}`,
      parseDirectoryUser,
    );
    const never = await readAllPages(
      this.requester,
      `users?$filter=${encodeURIComponent('signInActivity/lastSuccessfulSignInDateTime eq null')}&${select}`,
      parseDirectoryUser,
    );
    return [...stale, ...never];
  }

  async transitiveMemberIds(groupId: string): Promise<Set<string>> {
    const ids = await readAllPages(
      this.requester,
      `groups/${encodeURIComponent(groupId)}/transitiveMembers/microsoft.graph.user?$select=id&$top=${PAGE}`,
      (item) => parseDirectoryUser(item).id.toLowerCase(),
    );
    return new Set(ids);
  }

  async groupNames(groupIds: readonly string[]): Promise<Map<string, string>> {
    const groups = await this.batches.readEntities(
      groupIds.map((id) => ({ key: id.toLowerCase(), path: `groups/${encodeURIComponent(id)}?$select=id,displayName` })),
      { skipNotFound: () => true },
    );
    const names = new Map<string, string>();
    for (const [key, group] of groups) {
      if (typeof group === 'object' && group !== null && 'displayName' in group && typeof group.displayName === 'string') {
        names.set(key, group.displayName);
      }
    }
    return names;
  }
}
