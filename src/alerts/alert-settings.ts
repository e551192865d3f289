import type { SkuThreshold } from '../settings/sku-threshold';

/** What the alert rules need from the configuration. */
export interface AlertSettings {
  /** ALERT_MIN_AVAILABLE: used for every SKU without its own threshold. */
  defaultThreshold: SkuThreshold;
  /** REMIND_HOURS: how often a condition that stays active is posted again. */
  remindHours: number;
  /** EXPIRY_WARNING_DAYS: how far ahead a subscription's end counts as expiring. */
  expiryWarningDays: number;
}
