import { heldSkuIds } from './held-sku-ids';
import type { DirectoryUser } from './reclaim-directory';
import type { ReclaimCandidate, ReclaimReason } from './reclaim-scan';
import { seatAssignmentOf } from './seat-assignment-of';

/** One candidate per product the user holds, for `reason`, each saying how the seat is held. */
export function candidatesOfUser(
  user: DirectoryUser,
  reason: ReclaimReason,
  lastSignIn: string | null,
  groupNames: ReadonlyMap<string, string>,
): ReclaimCandidate[] {
  return heldSkuIds(user).map((skuId) => ({
    userId: user.id,
    userPrincipalName: user.userPrincipalName,
    displayName: user.displayName,
    skuId,
    reason,
    lastSignIn,
    assignedBy: seatAssignmentOf(user, skuId, groupNames),
  }));
}
