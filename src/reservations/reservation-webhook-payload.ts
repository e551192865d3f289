import type { Suggestion } from './suggestion';
import { readReasoning, reasoningText } from './reservation-reasoning';

/** The JSON body POSTed to RESERVATION_WEBHOOK_URL when an approver approves a suggestion. */
export interface ReservationWebhookPayload {
  event: 'reservation.approved';
  suggestionId: string;
  /** The Microsoft 365 tenant id. */
  tenant: string;
  skuId: string;
  skuPartNumber: string;
  displayName: string;
  quantity: number;
  /** The quantity's sum on one line: "5 users waiting in Contractors + 10 to keep above the alert line - 3 seats still free = 12". */
  reasoning: string;
  approver: { id: string; name: string | null };
  /** ISO-8601 UTC. */
  approvedAt: string;
}

/** The webhook body for an approval, from the suggestion as approved. */
export function buildReservationWebhookPayload(suggestion: Suggestion, tenantId: string): ReservationWebhookPayload {
  return {
    event: 'reservation.approved',
    suggestionId: suggestion.id,
    tenant: tenantId,
    skuId: suggestion.skuId,
    skuPartNumber: suggestion.skuPartNumber,
    displayName: suggestion.displayName,
    quantity: suggestion.quantity,
    reasoning: reasoningText(readReasoning(suggestion.reasoning, suggestion.quantity)),
    approver: { id: suggestion.decidedBy ?? '', name: suggestion.decidedByName },
    approvedAt: suggestion.decidedAt ?? suggestion.updatedAt,
  };
}
