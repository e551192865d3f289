import type { NewOutboxMessage } from '../delivery/outbox-message';

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

/** A reservation (purchase) suggestion and where it stands. */
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

/** One row of a suggestion's audit trail. */
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
