import type { LicenseSnapshot } from '../licenses/license-snapshot';
import type { SkuFigures } from '../licenses/sku-figures';

/** What a watcher tick read, handed to the features that run on the same schedule. */
export interface TickContext {
  figures: readonly SkuFigures[];
  snapshot: LicenseSnapshot;
  now: Date;
}

/**
 * Work that runs on the leader after each successful tick's alert commit (reservation suggestions,
 * for example). A hook that throws is logged; the tick and the other hooks go on.
 */
export type TickHook = (context: TickContext) => Promise<void>;

/**
 * Work that runs on the leader at the start of each tick, before the figures are read (the reclaim
 * scan, so that a new scan counts in the same tick's figures, alerts and suggestions). A pre-tick hook
 * that throws is logged; the tick goes on.
 */
export type PreTickHook = (now: Date) => Promise<void>;
