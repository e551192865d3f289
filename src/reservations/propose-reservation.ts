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

/** Group names listed in a reasoning line before "and N more groups". */
const NAMED_GROUPS = 2;

/**
 * Decides whether a visible SKU needs a reservation and how many seats. A suggestion is made when
 * users wait for seats that do not exist (shortfall), when fewer seats are available than the alert
 * line, or when the forecast runs out within the lead time. The quantity covers every waiting user,
 * any over-assignment, the forecast growth over the lead time (rounded up) and enough seats to stay
 * at the alert line, minus the seats still free:
 * `waiting + overAssigned + growth + threshold - free`, which is shortfall + growth not covered by
 * spare seats + the buffer up to the threshold.
 *
 * Users merely blocked by another product of their group are not waiting (see `computeSkuFigures`),
 * so they never add seats: a SKU whose only demand is blocked users gets no suggestion.
 *
 * Returns null for hidden SKUs, for a Suspended, LockedOut or Deleted subscription (renewing it, not
 * buying seats, is the remedy), when waiting is unknown (a missing Graph permission: no purchase is
 * sized on a guess), when no condition holds, or when the sum is below one seat.
 */
export function proposeReservation(need: ReservationNeed): ReservationProposal | null {
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
  const total = terms.reduce((sum, term) => sum + term.seats, 0);
  if (total < 1) {
    return null;
  }
  return {
    skuId: figures.skuId,
    skuPartNumber: figures.skuPartNumber,
    displayName: figures.displayName,
    quantity: total,
    reasoning: { triggers, terms, total },
  };
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
