import type { SkuFigures } from '../licenses/sku-figures';
import type { Suggestion } from './suggestion';
import type { ReservationProposal } from './propose-reservation';
import { readReasoning, reasoningText } from './reservation-reasoning';

/** After a decline, no new suggestion for the SKU for this many days. */
export const DECLINE_QUIET_DAYS = 14;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface SuggestionReviewInput {
  now: Date;
  /** Every SKU of the current snapshot, hidden ones included. */
  figures: readonly SkuFigures[];
  /** What each SKU needs now (see `proposeReservation`); SKUs that need nothing are absent. */
  proposals: readonly ReservationProposal[];
  /** The stored suggestions: at least every open one and the latest declined or snoozed one per SKU. */
  suggestions: readonly Suggestion[];
}

/** One change the review makes. */
export type ReviewStep =
  | { kind: 'create'; proposal: ReservationProposal }
  /** The figures changed: the open, undecided suggestion is updated in place. */
  | { kind: 'update'; suggestion: Suggestion; proposal: ReservationProposal }
  /** The need disappeared before a decision (`expired`), or the SKU was muted or left the tenant (`superseded`). */
  | { kind: 'close'; suggestion: Suggestion; to: 'expired' | 'superseded' }
  /** The approved seats arrived. */
  | { kind: 'fulfil'; suggestion: Suggestion; purchased: number };

/**
 * Compares what each SKU needs with the stored suggestions and lists the changes, at most one open
 * suggestion per SKU:
 * - a need without an open suggestion creates one, unless the SKU's latest suggestion was snoozed
 *   (until `snoozedUntil`) or declined (for {@link DECLINE_QUIET_DAYS} days);
 * - a proposed suggestion whose quantity, reasoning or name changed is updated in place;
 * - a proposed suggestion without a need expires, or is superseded when its SKU is hidden or gone;
 * - an approved suggestion is fulfilled once purchased seats reach `purchasedAtApproval + quantity`.
 */
export function planSuggestionReview(input: SuggestionReviewInput): ReviewStep[] {
  const nowMs = input.now.getTime();
  const figuresBySku = new Map(input.figures.map((figures) => [key(figures.skuId), figures]));
  const proposalBySku = new Map(input.proposals.map((proposal) => [key(proposal.skuId), proposal]));
  const openBySku = new Map<string, Suggestion>();
  const blocked = new Set<string>();
  for (const suggestion of input.suggestions) {
    const sku = key(suggestion.skuId);
    if (suggestion.status === 'proposed' || suggestion.status === 'approved') {
      openBySku.set(sku, suggestion);
    } else if (blocks(suggestion, nowMs)) {
      blocked.add(sku);
    }
  }

  const steps: ReviewStep[] = [];
  for (const [sku, suggestion] of openBySku) {
    const proposal = proposalBySku.get(sku);
    const figures = figuresBySku.get(sku);
    if (suggestion.status === 'approved') {
      const target = (suggestion.purchasedAtApproval ?? Number.POSITIVE_INFINITY) + suggestion.quantity;
      if (figures !== undefined && figures.purchased >= target) {
        steps.push({ kind: 'fulfil', suggestion, purchased: figures.purchased });
      }
    } else if (figures === undefined || figures.hidden) {
      steps.push({ kind: 'close', suggestion, to: 'superseded' });
    } else if (proposal === undefined) {
      steps.push({ kind: 'close', suggestion, to: 'expired' });
    } else if (changed(suggestion, proposal)) {
      steps.push({ kind: 'update', suggestion, proposal });
    }
  }
  for (const [sku, proposal] of proposalBySku) {
    if (!openBySku.has(sku) && !blocked.has(sku)) {
      steps.push({ kind: 'create', proposal });
    }
  }
  return steps;
}

function key(skuId: string): string {
  return skuId.toLowerCase();
}

function blocks(suggestion: Suggestion, nowMs: number): boolean {
  if (suggestion.status === 'snoozed') {
    return suggestion.snoozedUntil !== null && Date.parse(suggestion.snoozedUntil) > nowMs;
  }
  if (suggestion.status === 'declined') {
    const decided = Date.parse(suggestion.decidedAt ?? suggestion.updatedAt);
    return nowMs - decided < DECLINE_QUIET_DAYS * DAY_MS;
  }
  return false;
}

function changed(suggestion: Suggestion, proposal: ReservationProposal): boolean {
  return (
    suggestion.quantity !== proposal.quantity ||
    suggestion.displayName !== proposal.displayName ||
    reasoningText(readReasoning(suggestion.reasoning, suggestion.quantity)) !== reasoningText(proposal.reasoning)
  );
}
