import type { StyledText, TextColor } from './styled-text';
import type { WaitingGroupRow } from './waiting-group-list';

/** One posted change of one condition: "New · Below its threshold: 3 seats available, threshold 25". */
export interface AlertDigestEvent {
  label: StyledText;
  text: string;
  /** Shown with less emphasis: license errors buying seats won't fix, below the seat warnings. */
  subtle: boolean;
}

/** One product in the digest with every change of this tick. */
export interface AlertDigestProduct {
  /** Product name, literal. */
  name: string;
  events: AlertDigestEvent[];
  /** "497 of 500 assigned · 3 available · 5 waiting". */
  figures: string;
  /** The run-out forecast line, when there is one and the product is still in trouble. */
  forecast: string | null;
  /** "7 seats on disabled accounts, 12 on accounts inactive for 90+ days (scanned 3 hours ago)." while in trouble; null otherwise or when the scan found none. */
  reclaim: string | null;
  waitingGroups: WaitingGroupRow[];
  moreGroups: string | null;
}

/** Data for `cards/alert-digest.json`: every alert transition of one watcher tick. */
export interface AlertDigestCard {
  /** "License warnings: 2 products", "Licenses recovered: 1 product"... */
  title: string;
  titleColor: TextColor;
  /** Tenant display name, literal. */
  tenantName: string;
  products: AlertDigestProduct[];
  /** "and 3 more products; ask "shortfalls" or "licenses"." when the list was cut. */
  more: string | null;
  /** "As of 2025-05-01 09:00 UTC". */
  asOf: string;
  footer: string;
}
