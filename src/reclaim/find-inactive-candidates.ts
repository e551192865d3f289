import { candidatesOfUser } from './candidates-of-user';
import type { DirectoryUser } from './reclaim-directory';
import type { ReclaimCandidate } from './reclaim-scan';

export interface InactiveCandidateInput {
  users: readonly DirectoryUser[];
  /** Accounts count as inactive when they had no successful sign-in after this instant. */
  cutoff: Date;
  excludedUserIds: ReadonlySet<string>;
  groupNames: ReadonlyMap<string, string>;
}

/**
 * One candidate per (enabled account, product it holds) whose last successful sign-in is at or before
 * the cutoff, or who never signed in, and which was created at or before the cutoff (a newer account is
 * never inactive; one whose creation date is unknown is not judged). Excluded accounts are left out.
 */
export function findInactiveCandidates(input: InactiveCandidateInput): ReclaimCandidate[] {
  const cutoff = input.cutoff.getTime();
  const candidates: ReclaimCandidate[] = [];
  for (const user of input.users) {
    if (!user.accountEnabled || input.excludedUserIds.has(user.id.toLowerCase()) || !isAtOrBefore(user.createdDateTime, cutoff)) {
      continue;
    }
    if (user.lastSuccessfulSignIn !== null && !isAtOrBefore(user.lastSuccessfulSignIn, cutoff)) {
      continue;
    }
    candidates.push(...candidatesOfUser(user, 'inactive', user.lastSuccessfulSignIn, input.groupNames));
  }
  return candidates;
}

function isAtOrBefore(iso: string | null, limit: number): boolean {
  if (iso === null) {
    return false;
  }
  const at = Date.parse(iso);
  return !Number.isNaN(at) && at <= limit;
}
