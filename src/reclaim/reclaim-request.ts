import type { SeatAssignment } from './reclaim-scan';

/**
 * Where a reclaim request stands:
 * - `open`: the card is up in the watched channels, waiting for an approver;
 * - `approved`: an approver chose Reclaim; the removals are recorded and being carried out;
 * - `dismissed`: an approver chose Dismiss; nothing is removed;
 * - `withdrawn`: Headroom closed it because the SKU no longer needs seats or the seats are gone;
 * - `done`: every removal of the approval has an outcome (done or failed).
 */
export type ReclaimRequestStatus = 'open' | 'approved' | 'dismissed' | 'withdrawn' | 'done';

export const RECLAIM_REQUEST_STATUSES: readonly ReclaimRequestStatus[] = ['open', 'approved', 'dismissed', 'withdrawn', 'done'];

/** One seat the card shows: who holds the SKU on a disabled account, and how. */
export interface ReclaimSeat {
  userId: string;
  userPrincipalName: string;
  displayName: string;
  lastSignIn: string | null;
  assignedBy: SeatAssignment;
}

/** What the tick hook asks for: the SKU's current seats on disabled accounts, from the stored scan. */
export interface NewReclaimRequest {
  skuId: string;
  skuPartNumber: string;
  displayName: string;
  /** The scan the seats come from (its `asOf`). */
  scanAsOf: string;
  seats: readonly ReclaimSeat[];
}

/** One reclaim card's request: one per SKU while open or approved. */
export interface ReclaimRequest {
  id: string;
  skuId: string;
  skuPartNumber: string;
  displayName: string;
  status: ReclaimRequestStatus;
  scanAsOf: string;
  seats: ReclaimSeat[];
  createdAt: string;
  updatedAt: string;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  /** conversationId -> activityId of the card showing this request. */
  cardActivities: Record<string, string>;
  /** Goes up by one with every change of status or seats; cards and conditional changes compare it. */
  version: number;
}

/** How an upsert of the open request went. */
export type ReclaimUpsertResult =
  | { change: 'created' | 'updated' | 'unchanged'; request: ReclaimRequest }
  /** The SKU's request is approved and still running: no new card until it is done. */
  | { change: 'busy'; request: ReclaimRequest };

/** A decision from a card, or Headroom withdrawing the request. Always from `open`. */
export interface ReclaimDecision {
  to: 'approved' | 'dismissed' | 'withdrawn';
  actor: string;
  actorName: string | null;
  at: string;
}

export type ReclaimChangeResult = { ok: true; request: ReclaimRequest } | { ok: false; current: ReclaimRequest };

/** Where one removal stands. `intended` with `attemptedAt` set: Graph may or may not have done it. */
export type IntentState = 'intended' | 'done' | 'failed';

/** The outcome recorded for an intent. */
export type IntentOutcome = { state: 'done'; note?: string } | { state: 'failed'; code: string; message: string };

/** One `assignLicense` removal recorded by an approval, before Graph is called. */
export interface RemovalIntent {
  requestId: string;
  userId: string;
  skuId: string;
  displayName: string;
  userPrincipalName: string;
  state: IntentState;
  intendedAt: string;
  /** When Headroom last started the Graph call; null before the first attempt. */
  attemptedAt: string | null;
  settledAt: string | null;
  errorCode: string | null;
  errorMessage: string | null;
}

/**
 * One `reprocessLicenseAssignment` of a group whose users wait for a SKU, after seats were freed.
 * `source` names what freed them: `reclaim:<requestId>` or `suggestion:<suggestionId>` (a fulfilled
 * reservation); a group is reprocessed at most once per source.
 */
export interface ReprocessIntent {
  source: string;
  groupId: string;
  groupName: string;
  skuId: string;
  state: IntentState;
  intendedAt: string;
  attemptedAt: string | null;
  settledAt: string | null;
  errorCode: string | null;
  errorMessage: string | null;
}

/** A group to reprocess, from the snapshot's waiting groups. */
export interface ReprocessTarget {
  groupId: string;
  groupName: string;
}

/** One row of the reclaim audit trail: a decision, a removal's or a reprocess's outcome. */
export interface ReclaimAuditEntry {
  id: number;
  requestId: string | null;
  at: string;
  actor: string;
  actorName: string | null;
  /** `created`, `approved`, `dismissed`, `withdrawn`, `done`, `removed`, `removal-failed`, `reprocessed`, `reprocess-failed`. */
  action: string;
  userId: string | null;
  groupId: string | null;
  skuId: string;
  detail: string | null;
}
