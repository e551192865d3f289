import type {
  IntentOutcome,
  NewReclaimRequest,
  ReclaimAuditEntry,
  ReclaimChangeResult,
  ReclaimDecision,
  ReclaimRequest,
  ReclaimRequestStatus,
  ReclaimUpsertResult,
  RemovalIntent,
  ReprocessIntent,
  ReprocessTarget,
} from './reclaim-request';

/**
 * Reclaim requests, their recorded Graph writes and their audit trail. Every change is conditional and
 * made in one transaction with its audit row, so two instances (or two clicks) never both win.
 */
export interface ReclaimRequestStore {
  /**
   * Makes the SKU's open request show `input`: creates it, updates its seats (version + 1) when they
   * changed, or leaves it. `busy` when the SKU's request is approved and still running.
   */
  upsertReclaimRequest(input: NewReclaimRequest): Promise<ReclaimUpsertResult>;
  getReclaimRequest(id: string): Promise<ReclaimRequest | null>;
  /** Newest first. */
  listReclaimRequests(options?: { statuses?: readonly ReclaimRequestStatus[]; skuId?: string; limit?: number }): Promise<ReclaimRequest[]>;
  /**
   * Moves an open request to `decision.to`. On approval the removal intents of its direct seats are
   * recorded in the same transaction. The loser of a race gets `{ ok: false, current }`.
   * `NotFoundError` if unknown.
   */
  decideReclaimRequest(id: string, decision: ReclaimDecision): Promise<ReclaimChangeResult>;
  /** Approved -> done, once no removal is still intended. `{ ok: false }` otherwise. */
  finishReclaimRequest(id: string, at: string): Promise<ReclaimChangeResult>;
  /**
   * Takes the right to carry out an approved request's intents until `until`: false while another
   * claimant's claim is live. Whoever holds it is the only one calling Graph for the request.
   */
  claimReclaimExecution(id: string, claimant: string, now: string, until: string): Promise<boolean>;
  /** Gives the claim up (only the claimant's own). */
  releaseReclaimExecution(id: string, claimant: string): Promise<void>;
  listRemovalIntents(requestId: string): Promise<RemovalIntent[]>;
  /** Approved requests that still have intended removals, oldest first. */
  listUnfinishedReclaimRequests(): Promise<ReclaimRequest[]>;
  /** Notes that the Graph call for an intended removal is starting. False when it is no longer intended. */
  markRemovalAttempted(requestId: string, userId: string, at: string): Promise<boolean>;
  /** Records an intended removal's outcome and its audit row. False when it already had one. */
  settleRemoval(requestId: string, userId: string, outcome: IntentOutcome, at: string): Promise<boolean>;
  /** Records the groups to reprocess for `source`; a group already recorded for it is left as it is. */
  recordReprocessIntents(source: string, skuId: string, targets: readonly ReprocessTarget[], at: string): Promise<void>;
  /** All of a source's reprocess intents, or every unfinished one when `source` is omitted. */
  listReprocessIntents(options: { source: string } | { unfinished: true }): Promise<ReprocessIntent[]>;
  markReprocessAttempted(source: string, groupId: string, at: string): Promise<boolean>;
  settleReprocess(source: string, groupId: string, outcome: IntentOutcome, at: string): Promise<boolean>;
  /** Remembers which activity shows the request's card in a conversation. Does not change `version`. */
  setReclaimCardActivity(id: string, conversationId: string, activityId: string): Promise<void>;
  /** Audit rows of one request, oldest first (reprocess rows of `reclaim:<id>` included). */
  listReclaimAudit(requestId: string): Promise<ReclaimAuditEntry[]>;
}
