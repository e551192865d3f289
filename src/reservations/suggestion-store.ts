import type {
  NewSuggestion,
  Suggestion,
  SuggestionAuditEntry,
  SuggestionChangeResult,
  SuggestionProposalPatch,
  SuggestionStatus,
  SuggestionTransition,
} from './suggestion';

/** Reservation suggestions, their conditional changes and their audit trail. */
export interface SuggestionStore {
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
}
