import { isInactiveStatus } from '../licenses/subscription-status';
import type { RunOutForecast } from '../licenses/forecast';
import type { SkuFigures, WaitingGroup } from '../licenses/sku-figures';
import type { ReasoningTerm, ReservationReasoning, ReservationTrigger } from './reservation-reasoning';

/** What a suggestion for one SKU is worked out from. */
export interface ReservationNeed {
  figures: SkuFigures;
  /** Seats to keep available: the SKU's alert line (its threshold in seats). */
  thresholdSeats: number;
  /** The run-out forecast from stored history, or null when there is no upward trend. */
  forecast: RunOutForecast | null;
  /** RESERVATION_LEAD_DAYS: how far ahead a reservation has to cover. */
  leadDays: number;
}

/** A suggested reservation for one SKU, before it is stored. */
export interface ReservationProposal {
  skuId: string;
  skuPartNumber: string;
  displayName: string;
  quantity: number;
  reasoning: ReservationReasoning;
}

/**
 * Seats held by disabled accounts cover the whole need: reclaim them rather than buy. Nothing is
 * stored as a purchase suggestion; the reclaim card shows this reasoning ("reclaim 5").
 */
export interface ReclaimProposal {
  skuId: string;
  skuPartNumber: string;
  displayName: string;
  /** Seats to reclaim: the whole need, at most the seats on disabled accounts. */
  seats: number;
  /** The need worked out as for a purchase (its total is `seats`), with a note naming the disabled seats. */
  reasoning: ReservationReasoning;
}

/** What a SKU needs: seats to buy (a reservation suggestion) or seats to reclaim from disabled accounts. */
export type SeatProposal = { kind: 'purchase'; proposal: ReservationProposal } | ({ kind: 'reclaim' } & ReclaimProposal);

/** Group names listed in a reasoning line before "and N more groups". */
const NAMED_GROUPS = 2;

/**
 * Decides whether a visible SKU needs seats and how many, and whether to buy or reclaim them. Seats
 * are needed when users wait for seats that do not exist (shortfall), when fewer seats are available
 * than the alert line, or when the forecast runs out within the lead time. The need covers every
 * waiting user, any over-assignment, the forecast growth over the lead time (rounded up) and enough
 * seats to stay at the alert line, minus the seats still free:
 * `waiting + overAssigned + growth + threshold - free`.
 *
 * Seats on disabled accounts (the latest reclaim scan) come off the need as one more term. When they
 * cover all of it the answer is `reclaim` (the need, in seats), not a purchase; otherwise it is a
 * `purchase` of what is left. Seats on inactive accounts are named in a note and never subtracted: a
 * person should look at those first. Before the first scan nothing is subtracted.
 *
 * Users merely blocked by another product of their group are not waiting (see `computeSkuFigures`),
 * so they never add seats: a SKU whose only demand is blocked users gets no proposal.
 *
 * Returns null for hidden SKUs, for a Suspended, LockedOut or Deleted subscription (renewing it, not
 * buying or reclaiming seats, is the remedy), when waiting is unknown (a missing Graph permission:
 * nothing is sized on a guess), when no condition holds, or when the need is below one seat.
 */
export function proposeSeats(need: ReservationNeed): SeatProposal | null {
  const { figures } = need;
  if (figures.hidden || figures.lostService > 0 || isInactiveStatus(figures.status) || figures.waiting === null || figures.shortfall === null) {
    return null;
  }
  const threshold = Math.max(0, Math.ceil(need.thresholdSeats));
  const triggers: ReservationTrigger[] = [];
  if (figures.shortfall > 0) {
    triggers.push('shortfall');
  }
  if (figures.available < threshold) {
    triggers.push('below-threshold');
  }
  if (need.forecast !== null && need.forecast.daysLeft <= need.leadDays) {
    triggers.push('runs-out-soon');
  }
  if (triggers.length === 0) {
    return null;
  }

  const terms: ReasoningTerm[] = [];
  if (figures.waiting > 0) {
    terms.push({ seats: figures.waiting, label: `${people(figures.waiting)} waiting${whereWaiting(figures.waitingGroups)}` });
  }
  if (figures.overAssigned > 0) {
    terms.push({ seats: figures.overAssigned, label: `${seats(figures.overAssigned)} over-assigned` });
  }
  if (figures.onExpiringSeats > 0) {
    terms.push({ seats: figures.onExpiringSeats, label: `${people(figures.onExpiringSeats)} on seats in a grace period` });
  }
  const growth = need.forecast === null ? 0 : Math.ceil(need.forecast.seatsPerDay * need.leadDays);
  if (growth > 0) {
    terms.push({ seats: growth, label: `${growth} expected in ${need.leadDays} ${need.leadDays === 1 ? 'day' : 'days'}` });
  }
  if (threshold > 0) {
    terms.push({ seats: threshold, label: `${threshold} to keep above the alert line` });
  }
  if (figures.available > 0) {
    terms.push({ seats: -figures.available, label: `${seats(figures.available)} still free` });
  }
  const needed = terms.reduce((sum, term) => sum + term.seats, 0);
  if (needed < 1) {
    return null;
  }
  const sku = { skuId: figures.skuId, skuPartNumber: figures.skuPartNumber, displayName: figures.displayName };
  const disabled = figures.reclaimable?.disabled ?? 0;
  const notes = inactiveNote(figures);
  if (disabled >= needed) {
    const cover = `${seats(disabled)} on disabled accounts cover it: reclaim ${needed}, buy none`;
    return { kind: 'reclaim', ...sku, seats: needed, reasoning: { triggers, terms, total: needed, notes: [cover, ...notes] } };
  }
  if (disabled > 0) {
    terms.push({ seats: -disabled, label: `${disabled} on disabled accounts` });
  }
  const total = needed - disabled;
  return { kind: 'purchase', proposal: { ...sku, quantity: total, reasoning: { triggers, terms, total, notes } } };
}

/**
 * The purchase part of {@link proposeSeats}: the reservation suggestion to store, or null when no
 * seats are needed or seats on disabled accounts cover the need (reclaim them instead).
 */
export function proposeReservation(need: ReservationNeed): ReservationProposal | null {
  const proposal = proposeSeats(need);
  return proposal?.kind === 'purchase' ? proposal.proposal : null;
}

/** "12 more on accounts inactive for 90+ days: check those first", when there are any. */
function inactiveNote(figures: SkuFigures): string[] {
  const reclaimable = figures.reclaimable;
  if (reclaimable === null || reclaimable.inactive === null || reclaimable.inactive === 0) {
    return [];
  }
  return [`${reclaimable.inactive} more on accounts inactive for ${reclaimable.inactiveDays}+ days: check those first`];
}

function people(count: number): string {
  return `${count} ${count === 1 ? 'user' : 'users'}`;
}

function seats(count: number): string {
  return `${count} ${count === 1 ? 'seat' : 'seats'}`;
}

/** " in Contractors and Temp Staff", " in Sales, Interns and 3 more groups", or "" without groups. */
function whereWaiting(groups: readonly WaitingGroup[]): string {
  const names = groups.map((group) => (group.groupId === null ? 'direct assignments' : group.displayName));
  if (names.length === 0) {
    return '';
  }
  if (names.length <= NAMED_GROUPS) {
    return ` in ${names.join(' and ')}`;
  }
  const rest = names.length - NAMED_GROUPS;
  return ` in ${names.slice(0, NAMED_GROUPS).join(', ')} and ${rest} more ${rest === 1 ? 'group' : 'groups'}`;
}
