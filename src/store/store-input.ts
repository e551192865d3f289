import { ValidationError } from '../errors';
import type { AlertStateChange } from '../alerts/alert-state';
import type { HistoryFigures } from '../licenses/sku-history';
import type { HoldRequest } from '../holds/seat-hold';
import { OUTBOX_KINDS, type NewOutboxMessage } from '../delivery/outbox-message';
import type { SuggestionProposalPatch, SuggestionStatus, SuggestionTransition } from '../reservations/suggestion';
import type { SkuThreshold } from '../settings/sku-threshold';

/** Validation and normalisation of what callers hand the store: bad input is a `ValidationError` before any SQL runs. */
export const storeInput = {
  /** Parses a time and returns it as a canonical ISO string (so text comparison is time comparison). */
  iso(value: string | Date, field: string): string {
    const time = value instanceof Date ? value.getTime() : Date.parse(value);
    if (!Number.isFinite(time)) {
      throw new ValidationError(`${field} is not a valid time: ${String(value)}`);
    }
    return new Date(time).toISOString();
  },

  /** `now + ms` as an ISO string. */
  plus(now: string, ms: number, field: string): string {
    if (!Number.isFinite(ms) || ms <= 0) {
      throw new ValidationError(`${field} must be a positive number of milliseconds`);
    }
    return new Date(Date.parse(storeInput.iso(now, 'now')) + ms).toISOString();
  },

  positiveInteger(value: number, field: string): number {
    if (!Number.isInteger(value) || value <= 0) {
      throw new ValidationError(`${field} must be a positive whole number, not ${value}`);
    }
    return value;
  },

  integer(value: number, field: string): number {
    if (!Number.isInteger(value)) {
      throw new ValidationError(`${field} must be a whole number, not ${value}`);
    }
    return value;
  },

  text(value: string, field: string): string {
    if (typeof value !== 'string' || value.trim() === '') {
      throw new ValidationError(`${field} must not be empty`);
    }
    return value;
  },

  threshold(threshold: SkuThreshold): SkuThreshold {
    if (!Number.isFinite(threshold.value) || threshold.value < 0) {
      throw new ValidationError('A threshold must be zero or more');
    }
    if (threshold.kind === 'percent' && threshold.value > 100) {
      throw new ValidationError('A percentage threshold must be at most 100');
    }
    if (threshold.kind !== 'percent' && threshold.kind !== 'absolute') {
      throw new ValidationError(`Unknown threshold kind: ${String((threshold as { kind: unknown }).kind)}`);
    }
    return { kind: threshold.kind, value: threshold.value };
  },

  history(rows: readonly HistoryFigures[]): HistoryFigures[] {
    const seen = new Set<string>();
    return rows.map((row) => {
      storeInput.text(row.skuId, 'skuId');
      if (seen.has(row.skuId)) {
        throw new ValidationError(`SKU ${row.skuId} appears twice in one snapshot`);
      }
      seen.add(row.skuId);
      return {
        skuId: row.skuId,
        purchased: storeInput.integer(row.purchased, 'purchased'),
        assigned: storeInput.integer(row.assigned, 'assigned'),
        available: storeInput.integer(row.available, 'available'),
        waiting: storeInput.integer(row.waiting, 'waiting'),
      };
    });
  },

  hold(request: HoldRequest): HoldRequest {
    const now = storeInput.iso(request.now, 'now');
    const expiresAt = storeInput.iso(request.expiresAt, 'expiresAt');
    if (expiresAt <= now) {
      throw new ValidationError('A hold must expire in the future');
    }
    if (!Number.isFinite(request.unheldLimit)) {
      throw new ValidationError('unheldLimit must be a number');
    }
    return {
      skuId: storeInput.text(request.skuId, 'skuId'),
      quantity: storeInput.positiveInteger(request.quantity, 'quantity'),
      reason: storeInput.text(request.reason, 'reason'),
      expiresAt,
      now,
      unheldLimit: request.unheldLimit,
    };
  },

  outbox(messages: readonly NewOutboxMessage[], now: string): Required<NewOutboxMessage>[] {
    return messages.map((message) => {
      if (!OUTBOX_KINDS.includes(message.kind)) {
        throw new ValidationError(`Unknown outbox kind: ${String(message.kind)}`);
      }
      return {
        kind: message.kind,
        target: storeInput.text(message.target, 'target'),
        payload: message.payload,
        dedupeKey: storeInput.text(message.dedupeKey, 'dedupeKey'),
        notBefore: message.notBefore === undefined ? now : storeInput.iso(message.notBefore, 'notBefore'),
      };
    });
  },

  alertChanges(changes: readonly AlertStateChange[]): AlertStateChange[] {
    return changes.map((c) => ({
      ...c,
      since: storeInput.iso(c.since, 'since'),
      lastNotifiedAt: c.lastNotifiedAt === null ? null : storeInput.iso(c.lastNotifiedAt, 'lastNotifiedAt'),
    }));
  },

  /** A proposal patch as column values: null keeps the column as it is. */
  proposalPatch(patch: SuggestionProposalPatch): ValidProposalPatch {
    return {
      quantity: patch.quantity === undefined ? null : storeInput.positiveInteger(patch.quantity, 'quantity'),
      reasoning: patch.reasoning === undefined ? null : storeInput.json(patch.reasoning),
      displayName: patch.displayName ?? null,
      skuPartNumber: patch.skuPartNumber ?? null,
    };
  },

  /** A suggestion transition as column values; `now` is the default `notBefore` of its outbox messages. */
  suggestionTransition(transition: SuggestionTransition, now: string): ValidSuggestionTransition {
    const at = storeInput.iso(transition.at, 'at');
    const to = storeInput.suggestionStatus(transition.to, 'to');
    return {
      at,
      to,
      from: transition.from.map((s) => storeInput.suggestionStatus(s, 'from')),
      snoozedUntil: to === 'snoozed' ? storeInput.iso(transition.snoozedUntil ?? '', 'snoozedUntil') : null,
      quantity: transition.quantity === undefined ? null : storeInput.positiveInteger(transition.quantity, 'quantity'),
      purchasedAtApproval: transition.purchasedAtApproval ?? null,
      deciding: storeInput.decidingStatuses.includes(to),
      actor: storeInput.text(transition.actor, 'actor'),
      actorName: transition.actorName ?? null,
      action: transition.action ?? to,
      outbox: storeInput.outbox(transition.outbox ?? [], now),
    };
  },

  /** A limit for list queries: a positive whole number, capped. */
  limit(value: number | undefined, fallback: number): number {
    if (value === undefined) {
      return fallback;
    }
    return Math.min(storeInput.positiveInteger(value, 'limit'), 10_000);
  },

  /** Serialises JSON for a parameter; `undefined` becomes null so the column is never empty. */
  json(value: unknown): string {
    return JSON.stringify(value ?? null);
  },

  suggestionStatus(status: SuggestionStatus, field: string): SuggestionStatus {
    if (!SUGGESTION_STATUSES.includes(status)) {
      throw new ValidationError(`${field} is not a suggestion status: ${String(status)}`);
    }
    return status;
  },

  /** Statuses that count as open: at most one per SKU. */
  openStatuses: ['proposed', 'approved'] as readonly SuggestionStatus[],

  /** Transitions that record who decided. */
  decidingStatuses: ['approved', 'declined', 'snoozed'] as readonly SuggestionStatus[],
};

const SUGGESTION_STATUSES: readonly SuggestionStatus[] = ['proposed', 'approved', 'declined', 'snoozed', 'superseded', 'expired', 'fulfilled'];

/** See `storeInput.proposalPatch`. */
export interface ValidProposalPatch {
  quantity: number | null;
  /** JSON text. */
  reasoning: string | null;
  displayName: string | null;
  skuPartNumber: string | null;
}

/** See `storeInput.suggestionTransition`. */
export interface ValidSuggestionTransition {
  at: string;
  to: SuggestionStatus;
  from: SuggestionStatus[];
  snoozedUntil: string | null;
  quantity: number | null;
  purchasedAtApproval: number | null;
  /** Whether the transition records who decided. */
  deciding: boolean;
  actor: string;
  actorName: string | null;
  action: string;
  outbox: Required<NewOutboxMessage>[];
}
