import type { AlertSettings } from '../../src/alerts/alert-settings';
import type { AlertEvaluation } from '../../src/alerts/evaluate-alerts';
import type { AlertState } from '../../src/alerts/alert-state';

export const SETTINGS: AlertSettings = { defaultThreshold: { kind: 'absolute', value: 10 }, remindHours: 24, expiryWarningDays: 30 };

/**
 * Applies an evaluation's changes to a list of states the way a store does (conditional on the
 * version each change names), so sequences of ticks can run without a database. Throws on a version
 * mismatch, which would be a ConflictError in a real store.
 */
export function applyChanges(states: readonly AlertState[], evaluation: AlertEvaluation): AlertState[] {
  const next = new Map(states.map((state) => [`${state.skuId}|${state.condition}`, state]));
  for (const change of evaluation.changes) {
    const key = `${change.skuId}|${change.condition}`;
    const current = next.get(key);
    if ((current?.version ?? null) !== change.expectedVersion) {
      throw new Error(`version conflict on ${key}: have ${current?.version ?? null}, change expects ${change.expectedVersion}`);
    }
    next.set(key, {
      skuId: change.skuId,
      condition: change.condition,
      status: change.status,
      since: change.since,
      lastNotifiedAt: change.lastNotifiedAt,
      details: change.details,
      version: (change.expectedVersion ?? 0) + 1,
      updatedAt: new Date(0).toISOString(),
    });
  }
  return [...next.values()];
}

/** "condition kind" for each transition, sorted, for compact assertions. */
export function posted(evaluation: AlertEvaluation): string[] {
  return evaluation.transitions.map((t) => `${t.condition} ${t.kind}`).sort();
}
