import type { AlertSettingsStore } from '../alerts/alert-settings-store';
import type { AlertStateStore } from '../alerts/alert-state-store';
import type { LeaseStore } from '../alerts/lease-store';
import type { WatchedPlaceStore } from '../delivery/watched-place-store';
import type { ConversationReferenceStore } from '../delivery/conversation-reference-store';
import type { Outbox } from '../delivery/outbox';
import type { HoldLedger } from '../holds/hold-ledger';
import type { SkuHistoryStore } from '../licenses/sku-history-store';
import type { SuggestionStore } from '../reservations/suggestion-store';
import type { ReclaimScanStore } from '../reclaim/reclaim-scan-store';

/**
 * Every piece of state Headroom shares between instances: the per-concern ports (each beside the
 * feature that uses it) joined for the composition root, plus the store's lifecycle. Features take only
 * the port they need.
 *
 * Conventions for every port:
 * - Times are ISO-8601 UTC strings with milliseconds (`Date.prototype.toISOString()`), in arguments and
 *   in records. Inputs are normalised; an unparseable time is a `ValidationError`.
 * - Where time decides the outcome (holds, outbox claims, leases, suggestion transitions) the caller
 *   passes `now`/`at`, so tests control the clock. Bookkeeping times (`createdAt`, `updatedAt`, `setAt`)
 *   come from the clock the store was built with.
 * - Conditional changes live in the store, not in callers: a lost race is reported as `{ ok: false, ... }`
 *   or a `ConflictError`, never as a silent overwrite. Nothing relies on in-process memory for correctness.
 */
export interface Store
  extends ConversationReferenceStore,
    WatchedPlaceStore,
    AlertSettingsStore,
    SkuHistoryStore,
    AlertStateStore,
    Outbox,
    HoldLedger,
    SuggestionStore,
    LeaseStore,
    ReclaimScanStore {
  /** Applies pending migrations under a database-wide lock; safe to call from many instances at once. */
  migrate(): Promise<MigrationResult>;
  /** Releases connections. The store is unusable afterwards. */
  close(): Promise<void>;
}

/** Returns the current time; injected so tests control bookkeeping timestamps. */
export type Clock = () => Date;

export interface MigrationResult {
  /** Versions this call applied (empty when another instance, or an earlier start, already did). */
  applied: number[];
  /** The schema version after the call. */
  version: number;
}
