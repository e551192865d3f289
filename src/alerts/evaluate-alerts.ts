import { isInactiveStatus } from '../licenses/subscription-status';
import type { TenantSubscription } from '../licenses/license-snapshot';
import type { SkuFigures } from '../licenses/sku-figures';
import type { AlertCondition, AlertState, AlertStateChange } from './alert-state';
import type { SkuThreshold } from '../settings/sku-threshold';
import type { AlertDetails } from './alert-details';
import type { AlertSettings } from './alert-settings';
import type { AlertTransition, AlertTransitionKind } from './alert-transition';
import { effectiveThreshold, hysteresisMargin } from './effective-threshold';
import { findExpiryNotice, type ExpiryNotice } from './expiry-notice';
import { LICENSE_ERRORS, SUSPENDED, licenseErrorsFingerprint } from './license-conditions';

/** Everything one evaluation reads. */
export interface AlertEvaluationInput {
  previous: readonly AlertState[];
  figures: readonly SkuFigures[];
  subscriptions: readonly TenantSubscription[];
  /** Per-SKU thresholds, keyed by SKU id (any case). */
  thresholds: ReadonlyMap<string, SkuThreshold>;
  now: Date;
  settings: AlertSettings;
}

/** What to write (conditionally, at each change's expectedVersion) and what to post. */
export interface AlertEvaluation {
  changes: AlertStateChange[];
  transitions: AlertTransition[];
}

type LadderLevel = 'ok' | 'low' | 'exhausted';

const HOUR_MS = 60 * 60 * 1000;

/**
 * The alert state machine, one step. For each visible SKU and each condition it compares the
 * condition now with its previous state and returns the state changes and the transitions to post:
 *
 * - `low` (0 < available < threshold) and `exhausted` (available <= 0) are one ladder, at most one
 *   of them active: ok -> low and ok -> exhausted post `new`; low -> exhausted posts `escalated`;
 *   exhausted -> low (seats came back, still under the threshold) is silent, because the SKU still
 *   needs the same action; the ladder resolves with one `resolved` once available >= threshold +
 *   {@link hysteresisMargin}. Exhausted steps down to low only once available >= the margin.
 * - `suspended` (users still hold a Suspended, LockedOut or Deleted subscription: lostService > 0),
 *   `over-assigned` (overAssigned > 0: users beyond every usable seat, grace-period seats included),
 *   `waiting` (users wait and shortfall > 0) and `expiring` (see {@link findExpiryNotice}) each start
 *   and resolve on their own. A suspended, locked-out or deleted SKU has no low/exhausted ladder.
 * - `license-errors` (errors buying seats won't fix) is posted once per change and never reminded.
 * - An active condition is posted again (`reminder`) once REMIND_HOURS passed since it was last posted.
 * - A SKU that is hidden or muted, or gone from the tenant, raises nothing, and its active alerts
 *   resolve silently: the admin chose not to hear about it (or it no longer exists), so a "resolved"
 *   notice would claim a recovery that did not happen.
 *
 * Pure: the same input gives the same output.
 */
export function evaluateAlerts(input: AlertEvaluationInput): AlertEvaluation {
  const evaluation: AlertEvaluation = { changes: [], transitions: [] };
  const previous = new Map(input.previous.map((state) => [stateKey(state.skuId, state.condition), state]));
  const visibleSkuIds = new Set<string>();
  for (const sku of input.figures) {
    if (sku.hidden) {
      continue;
    }
    visibleSkuIds.add(sku.skuId.toLowerCase());
    evaluateSku(sku, input, previous, evaluation);
  }
  const hiddenReasons = new Map(input.figures.map((sku) => [sku.skuId.toLowerCase(), sku.hiddenReason]));
  for (const state of input.previous) {
    const key = state.skuId.toLowerCase();
    if (state.status === 'active' && !visibleSkuIds.has(key)) {
      const reason = hiddenReasons.has(key) ? (hiddenReasons.get(key) === 'muted' ? 'muted' : 'hidden') : 'gone';
      evaluation.changes.push(resolveSilently(state, input.now, reason));
    }
  }
  return evaluation;
}

function evaluateSku(sku: SkuFigures, input: AlertEvaluationInput, previous: ReadonlyMap<string, AlertState>, out: AlertEvaluation): void {
  const threshold = effectiveThreshold(sku.purchased, thresholdFor(sku.skuId, input));
  const margin = hysteresisMargin(threshold);
  const expiry = findExpiryNotice(sku, input.subscriptions, input.now, input.settings.expiryWarningDays);
  const context: SkuContext = { sku, threshold, recoveryLevel: threshold + margin, expiry, input, out };
  const inactive = isInactiveStatus(sku.status);

  if (inactive) {
    // A suspended, locked-out or deleted subscription has no seats to run low on: `suspended` says
    // what matters, so the seat ladder is set aside without a notice.
    for (const condition of ['low', 'exhausted'] as const) {
      const state = previous.get(stateKey(sku.skuId, condition));
      if (state?.status === 'active') {
        out.changes.push(resolveSilently(state, input.now, 'suspended'));
      }
    }
  } else {
    const low = activeState(previous, sku.skuId, 'low');
    const exhausted = activeState(previous, sku.skuId, 'exhausted');
    const before: LadderLevel = exhausted ? 'exhausted' : low ? 'low' : 'ok';
    const after = ladderLevel(before, sku.available, threshold, margin);
    stepLadder(context, previous, before, after);
  }

  stepCondition(context, previous.get(stateKey(sku.skuId, SUSPENDED)), SUSPENDED, sku.lostService > 0);
  stepCondition(context, previous.get(stateKey(sku.skuId, 'over-assigned')), 'over-assigned', sku.overAssigned > 0);
  // Unknown waiting (a Graph permission is missing): the condition keeps its state, neither starting nor resolving.
  if (sku.waiting !== null && sku.shortfall !== null) {
    stepCondition(context, previous.get(stateKey(sku.skuId, 'waiting')), 'waiting', !inactive && sku.waiting > 0 && sku.shortfall > 0);
  }
  stepCondition(context, previous.get(stateKey(sku.skuId, 'expiring')), 'expiring', expiry !== null);
  stepLicenseErrors(context, previous.get(stateKey(sku.skuId, LICENSE_ERRORS)));
}

/**
 * Other licensing errors are posted once per change, never as reminders: `new` when they appear or
 * their counts change (the fingerprint in the state's details differs), `resolved` when none are left.
 */
function stepLicenseErrors(context: SkuContext, state: AlertState | undefined): void {
  const fingerprint = licenseErrorsFingerprint(context.sku);
  if (fingerprint === null) {
    // Other errors come from the same member reads as waiting: unknown, they neither start nor resolve.
    return;
  }
  const active = state?.status === 'active';
  if (fingerprint === '') {
    if (active) {
      post(context, state, LICENSE_ERRORS, 'resolved', resolve);
    }
    return;
  }
  if (!active || storedFingerprint(state) !== fingerprint) {
    post(context, state, LICENSE_ERRORS, 'new', activate);
  }
}

function storedFingerprint(state: AlertState | undefined): string | null {
  const details = state?.details;
  if (typeof details !== 'object' || details === null || !('errorsFingerprint' in details)) {
    return null;
  }
  const value = (details as { errorsFingerprint?: unknown }).errorsFingerprint;
  return typeof value === 'string' ? value : null;
}

interface SkuContext {
  sku: SkuFigures;
  threshold: number;
  recoveryLevel: number;
  expiry: ExpiryNotice | null;
  input: AlertEvaluationInput;
  out: AlertEvaluation;
}

function ladderLevel(before: LadderLevel, available: number, threshold: number, margin: number): LadderLevel {
  if (available <= 0 || (before === 'exhausted' && available < margin)) {
    return 'exhausted';
  }
  if (available < threshold || (before !== 'ok' && available < threshold + margin)) {
    return 'low';
  }
  return 'ok';
}

function stepLadder(context: SkuContext, previous: ReadonlyMap<string, AlertState>, before: LadderLevel, after: LadderLevel): void {
  const { sku, input } = context;
  const lowState = previous.get(stateKey(sku.skuId, 'low'));
  const exhaustedState = previous.get(stateKey(sku.skuId, 'exhausted'));
  if (before === after) {
    if (after !== 'ok') {
      const state = after === 'low' ? lowState : exhaustedState;
      stepCondition(context, state, after, true);
    }
    return;
  }
  if (before === 'ok') {
    post(context, exhaustedOrLow(after, lowState, exhaustedState), after, 'new', activate);
    return;
  }
  if (after === 'ok') {
    post(context, before === 'low' ? lowState : exhaustedState, before, 'resolved', resolve);
    return;
  }
  if (after === 'exhausted' && lowState !== undefined) {
    context.out.changes.push(resolveSilently(lowState, input.now, 'escalated'));
    post(context, exhaustedState, 'exhausted', 'escalated', activate);
    return;
  }
  // exhausted -> low: silent, keeping when the trouble began and when it was last posted, so
  // reminders keep their rhythm.
  if (exhaustedState !== undefined) {
    context.out.changes.push(resolveSilently(exhaustedState, input.now, 'de-escalated'));
    context.out.changes.push({
      skuId: sku.skuId,
      condition: 'low',
      expectedVersion: lowState?.version ?? null,
      status: 'active',
      since: exhaustedState.since,
      lastNotifiedAt: exhaustedState.lastNotifiedAt,
      details: detailsOf(context, null),
    });
  }
}

function exhaustedOrLow(level: LadderLevel, low: AlertState | undefined, exhausted: AlertState | undefined): AlertState | undefined {
  return level === 'low' ? low : exhausted;
}

/** One independent condition: start, remind, resolve or nothing. */
function stepCondition(context: SkuContext, state: AlertState | undefined, condition: AlertCondition, holds: boolean): void {
  const active = state?.status === 'active';
  if (holds && !active) {
    post(context, state, condition, 'new', activate);
  } else if (!holds && active) {
    post(context, state, condition, 'resolved', resolve);
  } else if (holds && active && state !== undefined && reminderDue(state, context.input)) {
    post(context, state, condition, 'reminder', (ctx, s) => ({ status: 'active', since: s?.since ?? nowIso(ctx), lastNotifiedAt: nowIso(ctx) }));
  }
}

type NextState = Pick<AlertStateChange, 'status' | 'since' | 'lastNotifiedAt'>;

function activate(context: SkuContext): NextState {
  return { status: 'active', since: nowIso(context), lastNotifiedAt: nowIso(context) };
}

function resolve(context: SkuContext): NextState {
  return { status: 'resolved', since: nowIso(context), lastNotifiedAt: nowIso(context) };
}

function post(
  context: SkuContext,
  state: AlertState | undefined,
  condition: AlertCondition,
  kind: AlertTransitionKind,
  next: (context: SkuContext, state: AlertState | undefined) => NextState,
): void {
  const expectedVersion = state?.version ?? null;
  context.out.changes.push({
    skuId: context.sku.skuId,
    condition,
    expectedVersion,
    ...next(context, state),
    details: detailsOf(context, null),
  });
  context.out.transitions.push({
    skuId: context.sku.skuId,
    condition,
    kind,
    figures: context.sku,
    threshold: context.threshold,
    recoveryLevel: context.recoveryLevel,
    expiry: condition === 'expiring' ? context.expiry : null,
    expectedVersion,
  });
}

function reminderDue(state: AlertState, input: AlertEvaluationInput): boolean {
  const last = Date.parse(state.lastNotifiedAt ?? state.since);
  return !Number.isFinite(last) || input.now.getTime() - last >= input.settings.remindHours * HOUR_MS;
}

function resolveSilently(state: AlertState, now: Date, reason: string): AlertStateChange {
  const details = typeof state.details === 'object' && state.details !== null ? state.details : {};
  return {
    skuId: state.skuId,
    condition: state.condition,
    expectedVersion: state.version,
    status: 'resolved',
    since: now.toISOString(),
    lastNotifiedAt: state.lastNotifiedAt,
    details: { ...details, silentReason: reason },
  };
}

function detailsOf(context: SkuContext, silentReason: string | null): AlertDetails {
  const { sku } = context;
  return {
    displayName: sku.displayName,
    skuPartNumber: sku.skuPartNumber,
    purchased: sku.purchased,
    available: sku.available,
    waiting: sku.waiting,
    shortfall: sku.shortfall,
    expiring: sku.expiring,
    overAssigned: sku.overAssigned,
    lostService: sku.lostService,
    errorsFingerprint: licenseErrorsFingerprint(sku),
    threshold: context.threshold,
    endsAt: context.expiry?.endsAt ?? null,
    silentReason,
  };
}

function thresholdFor(skuId: string, input: AlertEvaluationInput): SkuThreshold {
  return input.thresholds.get(skuId) ?? input.thresholds.get(skuId.toLowerCase()) ?? input.settings.defaultThreshold;
}

function activeState(previous: ReadonlyMap<string, AlertState>, skuId: string, condition: AlertCondition): boolean {
  return previous.get(stateKey(skuId, condition))?.status === 'active';
}

function stateKey(skuId: string, condition: AlertCondition): string {
  return `${skuId.toLowerCase()}|${condition}`;
}

function nowIso(context: SkuContext): string {
  return context.input.now.toISOString();
}
