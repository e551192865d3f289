import type { HoldRequest, HoldResult, SeatHold } from './seat-hold';

/** Seat holds, taken so that racing callers can never over-commit a SKU. */
export interface HoldLedger {
  /**
   * Takes a hold only if the seats already held for the SKU (active at `now`) plus `quantity` fit within
   * `unheldLimit` (seats available per Graph). The check and the insert are one serialised transaction
   * per SKU, so racing callers can never over-commit.
   */
  tryTakeHold(request: HoldRequest): Promise<HoldResult>;
  /** Releases a hold. True when it was active (unreleased and unexpired) at `now`. */
  releaseHold(id: string, now: string): Promise<boolean>;
  /** Holds neither released nor expired at `now`, oldest first. */
  listActiveHolds(now: string): Promise<SeatHold[]>;
  /** Seats under active holds at `now`, per SKU id (SKUs without holds are absent). */
  heldBySku(now: string): Promise<Map<string, number>>;
}
