import { CARD_LIMITS } from '../cards/card-limits';
import { formatCount } from '../cards/format-count';
import { formatQuantity } from '../cards/format-quantity';
import { MAX_REFRESH_USERS, type ReservationSuggestionCard } from '../cards/reservation-suggestion-card';
import type { StyledText } from '../cards/styled-text';
import { toDisplayText } from '../cards/to-display-text';
import type { Suggestion, SuggestionStatus } from './suggestion';
import { RESERVATION_VERBS } from './card-verbs';
import { MAX_RESERVATION_QUANTITY } from './parse-requested-quantity';
import { describeReasoning, readReasoning } from './reservation-reasoning';

/** The Microsoft 365 admin center page where licenses are bought and reserved. */
export const ADMIN_CENTER_LICENSES_URL = 'https://admin.microsoft.com/#/licenses';

export interface SuggestionCardOptions {
  /** Entra object ids of the approvers the card refreshes for. */
  refreshUserIds: readonly string[];
  /** How long Snooze postpones the suggestion, in days. */
  snoozeDays: number;
  /** Shown on top, e.g. to the second of two approvers clicking at once. */
  notice?: StyledText | null;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const REASON_LENGTH = 300;

/** "10:42 UTC on 1 May 2025". */
export function formatDecisionTime(iso: string): string {
  const date = new Date(Date.parse(iso));
  if (Number.isNaN(date.getTime())) {
    return 'an unknown time';
  }
  const time = date.toISOString().slice(11, 16);
  return `${time} UTC on ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** Who decided, as a display name: the name Teams reported, else the object id. */
export function deciderName(suggestion: Suggestion): string {
  return toDisplayText(suggestion.decidedByName ?? suggestion.decidedBy ?? 'someone', CARD_LIMITS.nameLength, 'someone');
}

const STATUS_VERB: Partial<Record<SuggestionStatus, string>> = { approved: 'Approved', declined: 'Declined', snoozed: 'Snoozed' };

function statusOf(suggestion: Suggestion): StyledText {
  switch (suggestion.status) {
    case 'proposed':
      return { text: 'Waiting for an approver', color: 'warning' };
    case 'approved':
      return { text: 'Approved, waiting for the seats', color: 'good' };
    case 'declined':
      return { text: 'Declined', color: 'default' };
    case 'snoozed':
      return { text: `Snoozed until ${suggestion.snoozedUntil === null ? 'later' : formatDecisionTime(suggestion.snoozedUntil)}`, color: 'default' };
    case 'superseded':
      return { text: 'Withdrawn: the product is muted or no longer in the tenant', color: 'default' };
    case 'expired':
      return { text: 'Withdrawn: the need went away before a decision', color: 'default' };
    case 'fulfilled':
      return { text: 'Fulfilled: the seats arrived', color: 'good' };
  }
}

/** "Approved by Megan Bowen at 10:42 UTC on 1 May 2025, 24 seats." or null while nobody decided. */
export function describeDecision(suggestion: Suggestion): string | null {
  const verb = STATUS_VERB[suggestion.status] ?? (suggestion.decidedAt !== null ? 'Decided' : null);
  if (verb === null || suggestion.decidedAt === null) {
    return null;
  }
  const seats = suggestion.decidedBy !== null && suggestion.status !== 'declined' ? `, ${formatQuantity(suggestion.quantity, 'seat')}` : '';
  return `${verb} by ${deciderName(suggestion)} at ${formatDecisionTime(suggestion.decidedAt)}${seats}.`;
}

function stepsFor(suggestion: Suggestion, productName: string): string[] {
  const seats = formatQuantity(suggestion.quantity, 'seat');
  const target = suggestion.purchasedAtApproval === null ? null : suggestion.purchasedAtApproval + suggestion.quantity;
  return [
    '1. Open the Microsoft 365 admin center and go to Billing > Licenses.',
    `2. Place a license reservation (Enterprise Agreement) or buy ${seats} of ${productName}.`,
    target === null
      ? '3. Headroom marks this suggestion fulfilled when the purchased seats go up by the approved quantity.'
      : `3. Headroom marks this suggestion fulfilled when purchased seats reach ${formatCount(target)}.`,
  ];
}

/** Builds the card of one suggestion as it stands: undecided with buttons, or decided with who, what and when. */
export function buildReservationSuggestionCard(suggestion: Suggestion, options: SuggestionCardOptions): ReservationSuggestionCard {
  const productName = toDisplayText(suggestion.displayName, CARD_LIMITS.nameLength, toDisplayText(suggestion.skuPartNumber, CARD_LIMITS.nameLength));
  const reasoning = describeReasoning(readReasoning(suggestion.reasoning, suggestion.quantity)).map((line) => toDisplayText(line, REASON_LENGTH, ''));
  return {
    suggestionId: suggestion.id,
    verbs: RESERVATION_VERBS,
    refreshUserIds: [...new Set(options.refreshUserIds)].slice(0, MAX_REFRESH_USERS),
    productName,
    headline: formatQuantity(suggestion.quantity, 'seat'),
    status: statusOf(suggestion),
    notice: options.notice ?? null,
    decision: describeDecision(suggestion),
    reasoning: reasoning.filter((line) => line !== ''),
    open: suggestion.status === 'proposed',
    quantity: suggestion.quantity,
    maxQuantity: MAX_RESERVATION_QUANTITY,
    quantityHint: `Enter a whole number of seats from 1 to ${formatCount(MAX_RESERVATION_QUANTITY)}.`,
    snoozeTitle: `Snooze ${formatQuantity(options.snoozeDays, 'day')}`,
    approved: suggestion.status === 'approved',
    steps: stepsFor(suggestion, productName),
    resellerNote:
      'Buying month to month through a reseller or CSP partner? Send them this order instead; no Graph API can place a reservation, so Headroom only records the decision.',
    adminCenterUrl: ADMIN_CENTER_LICENSES_URL,
    footer: `Suggested by Headroom at ${formatDecisionTime(suggestion.createdAt)} · id ${suggestion.id}`,
  };
}

/** The suggestion in one plain-text line for notifications and screen readers. */
export function summarizeReservationSuggestion(suggestion: Suggestion): string {
  const productName = toDisplayText(suggestion.displayName, CARD_LIMITS.nameLength, suggestion.skuPartNumber);
  const seats = formatQuantity(suggestion.quantity, 'seat');
  const decision = describeDecision(suggestion);
  if (suggestion.status === 'proposed') {
    return `Reservation suggestion: ${seats} of ${productName}, waiting for an approver.`;
  }
  return `Reservation suggestion: ${seats} of ${productName}, ${statusOf(suggestion).text.toLowerCase()}${decision === null ? '.' : `. ${decision}`}`;
}
