import { ValidationError } from '../errors';
import {
  RECLAIM_REQUEST_STATUSES,
  type IntentOutcome,
  type NewReclaimRequest,
  type ReclaimDecision,
  type ReclaimRequestStatus,
  type ReclaimSeat,
  type ReprocessTarget,
} from '../reclaim/reclaim-request';
import { storeInput } from './store-input';

const MAX_SEATS = 5_000;
const MAX_TEXT = 1_000;

function shortText(value: string | null | undefined, field: string): string | null {
  if (value === null || value === undefined) {
    return null;
  }
  if (typeof value !== 'string') {
    throw new ValidationError(`${field} must be text`);
  }
  return value.slice(0, MAX_TEXT);
}

function seat(value: ReclaimSeat, index: number): ReclaimSeat {
  const field = `seats[${index}]`;
  const assignedBy = value.assignedBy;
  if (assignedBy !== 'direct' && (typeof assignedBy !== 'object' || assignedBy === null || typeof assignedBy.groupId !== 'string' || assignedBy.groupId === '')) {
    throw new ValidationError(`${field}.assignedBy must be "direct" or a group`);
  }
  return {
    userId: storeInput.text(value.userId, `${field}.userId`),
    userPrincipalName: storeInput.text(value.userPrincipalName, `${field}.userPrincipalName`),
    displayName: typeof value.displayName === 'string' ? value.displayName : '',
    lastSignIn: value.lastSignIn === null ? null : storeInput.iso(value.lastSignIn, `${field}.lastSignIn`),
    assignedBy: assignedBy === 'direct' ? 'direct' : { groupId: assignedBy.groupId, displayName: shortText(assignedBy.displayName, `${field}.assignedBy.displayName`) },
  };
}

/** Validation of what callers hand the reclaim part of the store: bad input is a `ValidationError` before any SQL runs. */
export const reclaimInput = {
  request(input: NewReclaimRequest): NewReclaimRequest {
    if (!Array.isArray(input.seats) || input.seats.length > MAX_SEATS) {
      throw new ValidationError(`seats must be a list of at most ${MAX_SEATS}`);
    }
    const seats = input.seats.map(seat);
    if (new Set(seats.map((s) => s.userId.toLowerCase())).size !== seats.length) {
      throw new ValidationError('seats must name each user once');
    }
    return {
      skuId: storeInput.text(input.skuId, 'skuId').toLowerCase(),
      skuPartNumber: storeInput.text(input.skuPartNumber, 'skuPartNumber'),
      displayName: storeInput.text(input.displayName, 'displayName'),
      scanAsOf: storeInput.iso(input.scanAsOf, 'scanAsOf'),
      seats: [...seats].sort((a, b) => a.userId.localeCompare(b.userId)),
    };
  },

  decision(decision: ReclaimDecision): ReclaimDecision {
    if (!['approved', 'dismissed', 'withdrawn'].includes(decision.to)) {
      throw new ValidationError(`A reclaim request cannot be decided to ${String(decision.to)}`);
    }
    return {
      to: decision.to,
      actor: storeInput.text(decision.actor, 'actor'),
      actorName: shortText(decision.actorName, 'actorName'),
      at: storeInput.iso(decision.at, 'at'),
    };
  },

  outcome(outcome: IntentOutcome): IntentOutcome {
    if (outcome.state === 'done') {
      return { state: 'done', ...(outcome.note === undefined ? {} : { note: shortText(outcome.note, 'note') ?? '' }) };
    }
    if (outcome.state === 'failed') {
      return { state: 'failed', code: storeInput.text(outcome.code, 'code').slice(0, 200), message: shortText(outcome.message, 'message') ?? '' };
    }
    throw new ValidationError(`Unknown intent outcome: ${String((outcome as { state: unknown }).state)}`);
  },

  targets(targets: readonly ReprocessTarget[]): ReprocessTarget[] {
    return targets.map((t, index) => ({
      groupId: storeInput.text(t.groupId, `targets[${index}].groupId`),
      groupName: typeof t.groupName === 'string' ? t.groupName.slice(0, MAX_TEXT) : '',
    }));
  },

  statuses(statuses: readonly ReclaimRequestStatus[]): ReclaimRequestStatus[] {
    for (const status of statuses) {
      if (!RECLAIM_REQUEST_STATUSES.includes(status)) {
        throw new ValidationError(`Unknown reclaim request status: ${String(status)}`);
      }
    }
    return [...statuses];
  },
};
