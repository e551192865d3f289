import { candidatesOfUser } from './candidates-of-user';
import type { DirectoryUser } from './reclaim-directory';
import type { ReclaimCandidate } from './reclaim-scan';

export interface DisabledCandidateInput {
  users: readonly DirectoryUser[];
  /** Lower-case ids of RECLAIM_EXCLUDE_GROUP_ID's transitive members. */
  excludedUserIds: ReadonlySet<string>;
  groupNames: ReadonlyMap<string, string>;
  /** Last successful sign-ins by lower-case user id, when sign-in activity was read. */
  lastSignIns: ReadonlyMap<string, string | null>;
}

/** One candidate per (disabled account, product it holds), leaving out excluded accounts. */
export function findDisabledCandidates(input: DisabledCandidateInput): ReclaimCandidate[] {
  const candidates: ReclaimCandidate[] = [];
  for (const user of input.users) {
    const key = user.id.toLowerCase();
    if (user.accountEnabled || input.excludedUserIds.has(key)) {
      continue;
    }
    candidates.push(...candidatesOfUser(user, 'disabled', user.lastSuccessfulSignIn ?? input.lastSignIns.get(key) ?? null, input.groupNames));
  }
  return candidates;
}
