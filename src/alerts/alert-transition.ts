import type { SkuFigures } from '../licenses/sku-figures';
import type { AlertCondition } from './alert-state';
import type { ExpiryNotice } from './expiry-notice';

/**
 * What a watched place is told about one (SKU, condition):
 * `new` (it started), `escalated` (low became exhausted), `reminder` (still active after
 * REMIND_HOURS), `resolved` (it cleared).
 */
export type AlertTransitionKind = 'new' | 'escalated' | 'reminder' | 'resolved';

/** One posted change of one SKU's condition, with the figures that caused it. */
export interface AlertTransition {
  skuId: string;
  condition: AlertCondition;
  kind: AlertTransitionKind;
  figures: SkuFigures;
  /** The SKU's effective threshold (available seats). */
  threshold: number;
  /** Available seats from which low/exhausted count as recovered: threshold + hysteresis. */
  recoveryLevel: number;
  /** Expiring seats or subscriptions, for the `expiring` condition; otherwise null. */
  expiry: ExpiryNotice | null;
  /** The state version this transition was computed from (null for a first state); part of the dedupe key. */
  expectedVersion: number | null;
}
