import { heldSkuIds } from './held-sku-ids';
import type { DirectoryUser } from './reclaim-directory';
import type { ReclaimCandidate } from './reclaim-scan';
import { seatAssignmentOf } from './seat-assignment-of';

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
    for (const skuId of heldSkuIds(user)) {
      candidates.push({
        userId: user.id,
        userPrincipalName: user.userPrincipalName,
        displayName: user.displayName,
        skuId,
        reason: 'disabled',
        lastSignIn: user.lastSuccessfulSignIn ?? input.lastSignIns.get(key) ?? null,
        assignedBy: seatAssignmentOf(user, skuId, input.groupNames),
      });
    }
  }
  return candidates;
}
