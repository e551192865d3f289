import { CARD_LIMITS } from '../cards/card-limits';
import { formatQuantity } from '../cards/format-quantity';
import type { ReclaimGroupSeatRow, ReclaimRequestCard, ReclaimSeatRow } from '../cards/reclaim-request-card';
import { MAX_REFRESH_USERS } from '../cards/reservation-suggestion-card';
import type { StyledText } from '../cards/styled-text';
import { toDisplayText } from '../cards/to-display-text';
import { RECLAIM_VERBS } from './card-verbs';
import type { ReclaimRequest, ReclaimSeat, RemovalIntent, ReprocessIntent } from './reclaim-request';

export interface ReclaimCardOptions {
  /** Entra object ids of the approvers the card refreshes for. */
  refreshUserIds: readonly string[];
  /** RECLAIM_ACTIONS: without it the card has no Reclaim button and says how to turn it on. */
  actionsEnabled: boolean;
}

/** What the card shows beyond the request itself. */
export interface ReclaimCardState {
  removals: readonly RemovalIntent[];
  reprocesses: readonly ReprocessIntent[];
  notice?: StyledText | null;
}

/** Seats listed per section before "and N more". */
export const RECLAIM_CARD_ROWS = 25;
const DETAIL_LENGTH = 300;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export const RECLAIM_ACTIONS_OFF =
  'Reclaiming from Teams is off. To let approvers remove these seats here, grant the app the application permission ' +
  'LicenseAssignment.ReadWrite.All (with admin consent) and set RECLAIM_ACTIONS=on. Until then, remove the licenses in the ' +
  'Microsoft 365 admin center, or dismiss this card.';

function day(iso: string): string {
  const date = new Date(Date.parse(iso));
  return Number.isNaN(date.getTime()) ? 'an unknown day' : `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** "10:42 UTC on 1 May 2025". */
export function formatReclaimTime(iso: string): string {
  const date = new Date(Date.parse(iso));
  return Number.isNaN(date.getTime()) ? 'an unknown time' : `${date.toISOString().slice(11, 16)} UTC on ${day(iso)}`;
}

function seatDetail(seat: ReclaimSeat): string {
  const signIn = seat.lastSignIn === null ? 'no sign-in recorded' : `last sign-in ${day(seat.lastSignIn)}`;
  return toDisplayText(`${seat.userPrincipalName} · account disabled · ${signIn}`, DETAIL_LENGTH, '');
}

function outcomeOf(intent: RemovalIntent | undefined): StyledText {
  if (intent === undefined) {
    return { text: 'Not removed: the seat was not on the list when the request was approved.', color: 'default' };
  }
  switch (intent.state) {
    case 'done':
      return { text: 'Removed: the seat is free.', color: 'good' };
    case 'failed':
      return { text: toDisplayText(`Not removed: ${intent.errorCode ?? 'Unknown'}: ${intent.errorMessage ?? ''}`, DETAIL_LENGTH, 'Not removed'), color: 'attention' };
    case 'intended':
      return { text: 'Being removed…', color: 'default' };
  }
}

function statusOf(request: ReclaimRequest, removals: readonly RemovalIntent[]): StyledText {
  switch (request.status) {
    case 'open':
      return { text: 'Waiting for an approver', color: 'warning' };
    case 'approved':
      return { text: 'Approved, removing the seats', color: 'good' };
    case 'dismissed':
      return { text: 'Dismissed', color: 'default' };
    case 'withdrawn':
      return { text: 'No longer needed: the product has enough seats or the accounts no longer hold them', color: 'default' };
    case 'done': {
      const failed = removals.filter((r) => r.state === 'failed').length;
      const done = removals.filter((r) => r.state === 'done').length;
      return failed === 0
        ? { text: `Done: ${formatQuantity(done, 'seat')} freed`, color: 'good' }
        : { text: `Done: ${formatQuantity(done, 'seat')} freed, ${failed} not removed`, color: 'attention' };
    }
  }
}

function describeDecision(request: ReclaimRequest, reprocesses: readonly ReprocessIntent[]): string | null {
  if (request.decidedAt === null) {
    return null;
  }
  const who = toDisplayText(request.decidedByName ?? request.decidedBy ?? 'someone', CARD_LIMITS.nameLength, 'someone');
  const verb = request.status === 'dismissed' ? 'Dismissed' : 'Approved';
  const groups = reprocesses.filter((r) => r.state === 'done').map((r) => r.groupName || r.groupId);
  const reprocessed = groups.length === 0 ? '' : ` Asked Microsoft Entra to reprocess the waiting users of ${groups.join(', ')}.`;
  const failed = reprocesses.filter((r) => r.state === 'failed');
  const notReprocessed =
    failed.length === 0
      ? ''
      : ` Could not ask Entra to reprocess ${failed.map((r) => `${r.groupName || r.groupId} (${r.errorCode ?? 'Unknown'})`).join(', ')}; its waiting users get the seats when Entra retries on its own.`;
  return toDisplayText(`${verb} by ${who} at ${formatReclaimTime(request.decidedAt)}.${reprocessed}${notReprocessed}`, 2 * DETAIL_LENGTH, '');
}

function more(total: number): string | null {
  return total > RECLAIM_CARD_ROWS ? `… and ${formatQuantity(total - RECLAIM_CARD_ROWS, 'more seat')}.` : null;
}

/** Builds the reclaim card of one request as it stands: open with its actions, or decided with each seat's outcome. */
export function buildReclaimCard(request: ReclaimRequest, state: ReclaimCardState, options: ReclaimCardOptions): ReclaimRequestCard {
  const productName = toDisplayText(request.displayName, CARD_LIMITS.nameLength, toDisplayText(request.skuPartNumber, CARD_LIMITS.nameLength));
  const byUser = new Map(state.removals.map((r) => [r.userId, r]));
  const decided = request.status === 'approved' || request.status === 'done';
  const directSeats = request.seats.filter((s) => s.assignedBy === 'direct');
  const groupSeats = request.seats.filter((s) => s.assignedBy !== 'direct');
  const direct: ReclaimSeatRow[] = directSeats.slice(0, RECLAIM_CARD_ROWS).map((seat) => ({
    name: toDisplayText(seat.displayName, CARD_LIMITS.nameLength, seat.userPrincipalName),
    detail: seatDetail(seat),
    outcome: decided ? outcomeOf(byUser.get(seat.userId)) : null,
  }));
  const groups: ReclaimGroupSeatRow[] = groupSeats.slice(0, RECLAIM_CARD_ROWS).map((seat) => {
    const group = seat.assignedBy === 'direct' ? null : seat.assignedBy;
    const groupName = group === null ? 'its group' : toDisplayText(group.displayName ?? group.groupId, CARD_LIMITS.nameLength, group.groupId);
    return {
      name: toDisplayText(seat.displayName, CARD_LIMITS.nameLength, seat.userPrincipalName),
      detail: seatDetail(seat),
      action: `Take them out of ${groupName} to free the seat. Headroom never changes group membership.`,
    };
  });
  const open = request.status === 'open';
  const canReclaim = open && options.actionsEnabled && directSeats.length > 0;
  return {
    requestId: request.id,
    verbs: RECLAIM_VERBS,
    refreshUserIds: [...new Set(options.refreshUserIds)].slice(0, MAX_REFRESH_USERS),
    productName,
    headline: `${formatQuantity(request.seats.length, 'seat')} on disabled accounts`,
    status: statusOf(request, state.removals),
    notice: state.notice ?? null,
    decision: describeDecision(request, state.reprocesses),
    directTitle:
      directSeats.length === 0
        ? 'No direct assignments: every seat below comes from a group'
        : `Assigned directly: Reclaim removes these ${formatQuantity(directSeats.length, 'license')}`,
    direct,
    directMore: more(directSeats.length),
    hasGroupSeats: groupSeats.length > 0,
    groupTitle: `Inherited from a group: ${formatQuantity(groupSeats.length, 'seat')} Headroom will not remove`,
    groupSeats: groups,
    groupMore: more(groupSeats.length),
    open,
    canReclaim,
    approverNote:
      'Only license approvers can reclaim or dismiss. Reclaim removes the directly assigned licenses listed here, each once, and records every outcome; the accounts themselves are not changed.',
    actionsOff: open && !options.actionsEnabled ? RECLAIM_ACTIONS_OFF : null,
    footer: `From the reclaim scan of ${formatReclaimTime(request.scanAsOf)} · id ${request.id}`,
  };
}

/** The request in one plain-text line for notifications and screen readers. */
export function summarizeReclaimRequest(request: ReclaimRequest, removals: readonly RemovalIntent[]): string {
  const productName = toDisplayText(request.displayName, CARD_LIMITS.nameLength, request.skuPartNumber);
  return `Reclaim: ${formatQuantity(request.seats.length, 'seat')} of ${productName} on disabled accounts, ${statusOf(request, removals).text.toLowerCase()}.`;
}
