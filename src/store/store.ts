/**
 * The storage port: every piece of state Headroom shares between instances.
 *
 * Conventions for every implementation:
 * - Times are ISO-8601 UTC strings with milliseconds (`Date.prototype.toISOString()`), in arguments and
 *   in records. Inputs are normalised; an unparseable time is a `ValidationError`.
 * - Where time decides the outcome (holds, outbox claims, leases, suggestion transitions) the caller
 *   passes `now`/`at`, so tests control the clock. Bookkeeping times (`createdAt`, `updatedAt`, `setAt`)
 *   come from the clock the store was built with.
 * - Conditional changes live here, not in callers: a lost race is reported as `{ ok: false, ... }` or a
 *   `ConflictError`, never as a silent overwrite. Nothing relies on in-process memory for correctness.
 */
export interface Store {
  // ---- Lifecycle -------------------------------------------------------------------------------

  /** Applies pending versioned migrations under a database-wide lock; safe to call from many instances at once. */
  migrate(): Promise<MigrationResult>;
  /** Releases connections. The store is unusable afterwards. */
  close(): Promise<void>;

  // ---- Conversation references -----------------------------------------------------------------

  /**
   * Stores (or replaces) the Bot Framework conversation reference used for proactive messages. Saving
   * the same reference and metadata again writes nothing (every chat turn saves it).
   */
  saveConversationReference(conversationId: string, reference: unknown, meta: ConversationMeta): Promise<void>;
  /** The stored reference, or null when Headroom has never seen the conversation. */
  getConversationReference(conversationId: string): Promise<StoredConversationReference | null>;

  // ---- Watched places (where alerts go) --------------------------------------------------------

  /** Starts (or resumes) sending alerts to a conversation; watching an already watched place reactivates it. */
  watchPlace(input: NewWatchedPlace): Promise<WatchedPlace>;
  /** Stops sending alerts to a conversation. True when it was watched. */
  unwatchPlace(conversationId: string): Promise<boolean>;
  listWatchedPlaces(options?: { activeOnly?: boolean }): Promise<WatchedPlace[]>;
  /** Keeps the place but stops sending to it (the bot was removed: 403). True when it was active. */
  markPlaceInactive(conversationId: string, reason: string): Promise<boolean>;
  /** Sends to an inactive place again (the bot was installed again). True when it was inactive. */
  reactivatePlace(conversationId: string): Promise<boolean>;

  // ---- Settings ----------------------------------------------------------------------------------

  /** Sets the alert threshold of one SKU, replacing any earlier one. */
  setThreshold(skuId: string, threshold: SkuThreshold, setBy: string): Promise<ThresholdRecord>;
  /** Falls back to the default threshold. True when a threshold was set. */
  clearThreshold(skuId: string): Promise<boolean>;
  listThresholds(): Promise<ThresholdRecord[]>;
  /** Mutes (hides from overviews and alerts) or unmutes a SKU. Idempotent. */
  setMuted(skuId: string, muted: boolean, by: string): Promise<void>;
  listMuted(): Promise<MutedSku[]>;

  // ---- Snapshot history --------------------------------------------------------------------------

  /**
   * Stores the figures of each SKU taken at `takenAt`, but only for SKUs whose figures differ from that
   * SKU's latest stored row at or before `takenAt`. Returns the SKU ids that got a new row.
   */
  recordSnapshot(takenAt: string, rows: readonly HistoryFigures[]): Promise<string[]>;
  /** Rows of one SKU taken at or after `sinceIso`, oldest first. */
  listHistory(skuId: string, sinceIso: string): Promise<HistoryRow[]>;
  /** The latest stored row of every SKU, ordered by SKU id. */
  latestHistory(): Promise<HistoryRow[]>;
  /**
   * Deletes rows taken before `beforeIso`, except each SKU's latest row before it (its figures still
   * hold at `beforeIso`, so trends and baselines from then on stay known). Returns how many rows went.
   */
  pruneHistory(beforeIso: string): Promise<number>;

  // ---- Alert states + outbox ---------------------------------------------------------------------

  listAlertStates(): Promise<AlertState[]>;
  /**
   * Applies every state change and enqueues every outbox message in ONE transaction. Each change names
   * the version it was computed from; if any row has moved on (or appeared, for `expectedVersion: null`)
   * nothing is written and a `ConflictError` is thrown. Returns the states as written.
   */
  commitAlertTransitions(changes: readonly AlertStateChange[], outbox: readonly NewOutboxMessage[]): Promise<AlertState[]>;

  // ---- Outbox --------------------------------------------------------------------------------------

  /** Enqueues messages; a message whose dedupeKey is already in the outbox is skipped. Returns the ids inserted. */
  enqueueOutbox(messages: readonly NewOutboxMessage[]): Promise<number[]>;
  /**
   * Atomically claims up to `limit` unsent, undead messages that are due (`nextAttemptAt <= now`) and not
   * claimed by a live claim, for `leaseMs`. Each claim counts as one attempt. Two claimants never get the
   * same message while a claim is live. Oldest due first.
   */
  claimDueOutbox(now: string, limit: number, claimant: string, leaseMs: number): Promise<OutboxMessage[]>;
  /**
   * Records delivery by `claimant`, the instance that claimed the message. False, changing nothing, when
   * the message is unknown, already sent, or no longer claimed by `claimant` (its claim ran out and
   * another instance claimed it, or settled it, since).
   */
  markOutboxSent(id: number, claimant: string, activityId?: string | null): Promise<boolean>;
  /**
   * Records a failed attempt by `claimant`: retry at `nextAttemptAt`, or give up (dead letter) when it is
   * null. False, changing nothing, when the message is unknown, settled, or no longer claimed by `claimant`.
   */
  markOutboxFailed(id: number, claimant: string, error: string, nextAttemptAt: string | null): Promise<boolean>;
  /** Messages for tests and operators, newest first. */
  listOutbox(filter?: OutboxFilter): Promise<OutboxMessage[]>;

  // ---- Seat holds ----------------------------------------------------------------------------------

  /**
   * Takes a hold only if the seats already held for the SKU (active at `now`) plus `quantity` fit within
   * `unheldLimit` (seats available per Graph). The check and the insert are one serialised transaction
   * per SKU, so racing callers can never over-commit.
   */
  tryTakeHold(request: HoldRequest): Promise<HoldResult>;
  /** Releases a hold. True when it was active (unreleased and unexpired) at `now`. */
  releaseHold(id: string, now: string): Promise<boolean>;
  /** Holds neither released nor expired at `now`, oldest first. */
  listActiveHolds(now: string): Promise<SeatHold[]>;
  /** Seats under active holds at `now`, per SKU id (SKUs without holds are absent). */
  heldBySku(now: string): Promise<Map<string, number>>;

  // ---- Reservation suggestions + audit -------------------------------------------------------------

  /** Creates a proposed suggestion. `ConflictError` when the SKU already has an open (proposed/approved) one. */
  createSuggestion(input: NewSuggestion): Promise<Suggestion>;
  getSuggestion(id: string): Promise<Suggestion | null>;
  /** The proposed or approved suggestion of a SKU, if any. */
  getOpenSuggestion(skuId: string): Promise<Suggestion | null>;
  /** Newest first. */
  listSuggestions(options?: { limit?: number; skuId?: string; statuses?: readonly SuggestionStatus[] }): Promise<Suggestion[]>;
  /** Refreshes the proposal's figures if the suggestion is still at `expectedVersion`. `NotFoundError` if unknown. */
  updateSuggestionProposal(id: string, expectedVersion: number, patch: SuggestionProposalPatch): Promise<SuggestionChangeResult>;
  /**
   * Moves a suggestion to `to` only if its status is one of `from`, appending an audit row and enqueueing
   * `outbox` in the same transaction. The loser of a race gets `{ ok: false, current }` (who decided, when).
   * `decidedBy`/`decidedByName`/`decidedAt` are set when `to` is approved, declined or snoozed.
   * `NotFoundError` if unknown; `ConflictError` if `to` would make a second open suggestion for the SKU.
   */
  transitionSuggestion(id: string, transition: SuggestionTransition): Promise<SuggestionChangeResult>;
  /** Audit rows of one suggestion, oldest first. */
  listAudit(suggestionId: string): Promise<SuggestionAuditEntry[]>;
  /** Remembers which activity shows the suggestion's card in a conversation. Does not change `version`. */
  setCardActivity(id: string, conversationId: string, activityId: string): Promise<void>;

  // ---- Lease (one watcher across instances) ------------------------------------------------------

  /** Takes the lease when it is free, expired or already ours, and (re)sets its expiry to now + ttlMs. */
  tryAcquireLease(name: string, owner: string, ttlMs: number, now: string): Promise<boolean>;
  /** Gives the lease up if we hold it. True when we did. */
  releaseLease(name: string, owner: string): Promise<boolean>;
  getLease(name: string): Promise<Lease | null>;
}

/** Returns the current time; injected so tests control bookkeeping timestamps. */
export type Clock = () => Date;

export interface MigrationResult {
  /** Versions this call applied (empty when another instance, or an earlier start, already did). */
  applied: number[];
  /** The schema version after the call. */
  version: number;
}

/** What Headroom keeps about a conversation besides its reference. */
export interface ConversationMeta {
  tenantId: string;
  /** Teams `conversationType`: `personal`, `groupChat` or `channel`. */
  conversationType: string;
  teamId?: string | null;
  channelName?: string | null;
}

export interface StoredConversationReference {
  conversationId: string;
  /** The Bot Framework ConversationReference, as JSON. */
  reference: unknown;
  tenantId: string;
  conversationType: string;
  teamId: string | null;
  channelName: string | null;
  /** When the reference or its metadata last changed. */
  updatedAt: string;
}

export type WatchedPlaceKind = 'channel' | 'groupChat' | 'personal';

export interface NewWatchedPlace {
  conversationId: string;
  /** AAD object id (or name) of who asked for alerts here. */
  addedBy: string;
  kind: WatchedPlaceKind;
}

export interface WatchedPlace {
  conversationId: string;
  kind: WatchedPlaceKind;
  addedBy: string;
  addedAt: string;
  active: boolean;
  inactiveReason: string | null;
  inactiveSince: string | null;
}

/** A per-SKU alert threshold: warn when available seats drop to `value` (or `value`% of purchased). */
export type SkuThreshold = { kind: 'absolute'; value: number } | { kind: 'percent'; value: number };

export interface ThresholdRecord {
  skuId: string;
  threshold: SkuThreshold;
  setBy: string;
  setAt: string;
}

export interface MutedSku {
  skuId: string;
  mutedBy: string;
  mutedAt: string;
}

export interface HistoryFigures {
  skuId: string;
  purchased: number;
  assigned: number;
  available: number;
  waiting: number;
}

export interface HistoryRow extends HistoryFigures {
  takenAt: string;
}

/** A known condition, or any other string a rule introduces. */
export type AlertCondition = 'low' | 'exhausted' | 'over-assigned' | 'waiting' | 'expiring' | (string & {});

export type AlertStatus = 'active' | 'resolved';

export interface AlertState {
  skuId: string;
  condition: AlertCondition;
  status: AlertStatus;
  /** When the current status began. */
  since: string;
  lastNotifiedAt: string | null;
  details: unknown;
  /** Starts at 1 and grows by one on every write; the token for conditional commits. */
  version: number;
  updatedAt: string;
}

/** The new state of one (skuId, condition), computed from the state at `expectedVersion`. */
export interface AlertStateChange {
  skuId: string;
  condition: AlertCondition;
  /** The version read before computing the change; null when no state existed. */
  expectedVersion: number | null;
  status: AlertStatus;
  since: string;
  lastNotifiedAt: string | null;
  details: unknown;
}

export type OutboxKind = 'channel' | 'webhook';

export interface NewOutboxMessage {
  kind: OutboxKind;
  /** A conversation id (`channel`) or a URL (`webhook`). */
  target: string;
  payload: unknown;
  /** Unique across the outbox: enqueueing the same key again is a no-op. */
  dedupeKey: string;
  /** First attempt not before this time; defaults to the store clock's now. */
  notBefore?: string;
}

export interface OutboxMessage {
  id: number;
  kind: OutboxKind;
  target: string;
  payload: unknown;
  dedupeKey: string;
  createdAt: string;
  /** How many times the message was claimed for sending. */
  attempts: number;
  nextAttemptAt: string;
  claimedBy: string | null;
  claimedUntil: string | null;
  sentAt: string | null;
  /** The Teams activity id of a sent channel message. */
  activityId: string | null;
  lastError: string | null;
  /** Set when Headroom gave up on the message. */
  deadAt: string | null;
}

export interface OutboxFilter {
  status?: 'pending' | 'sent' | 'dead';
  kind?: OutboxKind;
  limit?: number;
}

export interface HoldRequest {
  skuId: string;
  quantity: number;
  reason: string;
  expiresAt: string;
  now: string;
  /** Seats available per Graph; active holds plus this one must not exceed it. */
  unheldLimit: number;
}

export interface SeatHold {
  id: string;
  skuId: string;
  quantity: number;
  reason: string;
  createdAt: string;
  expiresAt: string;
  releasedAt: string | null;
}

export type HoldResult =
  | { ok: true; hold: SeatHold; /** Seats held for the SKU including this hold. */ heldAfter: number }
  | { ok: false; /** Seats already held for the SKU. */ held: number };

export type SuggestionStatus = 'proposed' | 'approved' | 'declined' | 'snoozed' | 'superseded' | 'expired' | 'fulfilled';

export interface NewSuggestion {
  skuId: string;
  skuPartNumber: string;
  displayName: string;
  quantity: number;
  reasoning: unknown;
  /** Recorded as the actor of the audit row `proposed`; defaults to `headroom`. */
  createdBy?: string;
}

export interface Suggestion {
  id: string;
  skuId: string;
  skuPartNumber: string;
  displayName: string;
  quantity: number;
  reasoning: unknown;
  status: SuggestionStatus;
  createdAt: string;
  updatedAt: string;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  snoozedUntil: string | null;
  purchasedAtApproval: number | null;
  /** conversationId -> activityId of the card showing this suggestion. */
  cardActivities: Record<string, string>;
  version: number;
}

export interface SuggestionProposalPatch {
  quantity?: number;
  reasoning?: unknown;
  displayName?: string;
  skuPartNumber?: string;
}

export interface SuggestionTransition {
  from: readonly SuggestionStatus[];
  to: SuggestionStatus;
  actor: string;
  actorName?: string | null;
  /** A changed quantity (an approver editing it); kept as is when absent. */
  quantity?: number;
  at: string;
  /** Required when `to` is `snoozed`; cleared on any other transition. */
  snoozedUntil?: string;
  /** Seats purchased when approved, to recognise the purchase later. */
  purchasedAtApproval?: number;
  /** The audit action; defaults to `to`. */
  action?: string;
  outbox?: readonly NewOutboxMessage[];
}

export type SuggestionChangeResult = { ok: true; suggestion: Suggestion } | { ok: false; current: Suggestion };

export interface SuggestionAuditEntry {
  id: number;
  suggestionId: string;
  at: string;
  actor: string;
  actorName: string | null;
  action: string;
  quantity: number | null;
  previousStatus: SuggestionStatus | null;
  newStatus: SuggestionStatus;
}

export interface Lease {
  name: string;
  owner: string;
  acquiredAt: string;
  expiresAt: string;
}
