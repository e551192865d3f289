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
