import { MissingPermissionError, UnavailableError } from '../errors';
import type { Logger } from '../logger';
import type { MissingPermissions } from '../missing-permissions';
import { computeSkuFigures } from './availability';
import { noAdjustments, type FigureAdjustments } from './figure-adjustments';
import type { LicenseReader, ReadOptions } from './license-reader';
import type { LicenseSnapshot } from './license-snapshot';
import type { ReclaimSummary } from './reclaimable-seats';
import type { SkuFigures } from './sku-figures';

/** A snapshot as served to askers, with how fresh it is. */
export interface ServedSnapshot {
  snapshot: LicenseSnapshot;
  /** True when Graph failed and an older snapshot is served instead. */
  stale: boolean;
  /** Why the snapshot is stale, when it is. */
  staleReason: string | null;
}

/** Holds, mutes and the reclaim summary as read together from the store. */
type ReadAdjustments = [ReadonlyMap<string, number>, ReadonlySet<string>, ReclaimSummary | null];

/** A served snapshot with the figures computed from it. */
export interface ServedFigures extends ServedSnapshot {
  figures: SkuFigures[];
}

export interface LicenseServiceOptions {
  reader: LicenseReader;
  cacheSeconds: number;
  logger: Logger;
  adjustments?: FigureAdjustments;
  /**
   * How long holds, mutes and the reclaim summary read from the store are reused for chat answers (default 1000 ms).
   * Changes made through this process call `adjustmentsChanged()` and show at once; changes made by
   * another instance show within this time.
   */
  adjustmentsTtlMs?: number;
  now?: () => number;
  /** Told, after every read, which Graph permissions the read found missing. */
  missingPermissions?: MissingPermissions;
}

/**
 * Serves license snapshots to every asker (chat, API, watcher, holds). It caches the last read for
 * `cacheSeconds`, lets concurrent askers share one in-flight Graph read, and when Graph fails it serves
 * the last good snapshot marked as stale rather than failing the question.
 */
export class LicenseService {
  private last: { snapshot: LicenseSnapshot; readAt: number } | null = null;
  private inFlight: Promise<LicenseSnapshot> | null = null;
  private lastFailure: { at: number; message: string } | null = null;
  /** The figures last computed, with what they were computed from; every turn asks for the same ones. */
  private lastFigures: {
    snapshot: LicenseSnapshot;
    adjustments: string;
    read: ReadAdjustments;
    figures: SkuFigures[];
  } | null = null;
  private lastAdjustments: { readAt: number; read: Promise<ReadAdjustments> } | null = null;
  private readonly now: () => number;

  constructor(private readonly options: LicenseServiceOptions) {
    this.now = options.now ?? Date.now;
  }

  /**
   * The current snapshot. `fresh` bypasses the cache (seat holds need the newest figures); a fresh
   * read still joins a read that is already in flight.
   */
  async current(request: { fresh?: boolean; priority?: ReadOptions['priority'] } = {}): Promise<ServedSnapshot> {
    const cached = this.last;
    const maxAgeMs = this.options.cacheSeconds * 1000;
    if (!request.fresh && cached && this.now() - cached.readAt < maxAgeMs) {
      return { snapshot: cached.snapshot, stale: false, staleReason: null };
    }
    try {
      const snapshot = await this.sharedRead(request.priority);
      return { snapshot, stale: false, staleReason: null };
    } catch (error) {
      const fallback = this.last;
      // A missing permission is how the tenant is set up now, not an outage: old figures would hide it.
      if (!fallback || error instanceof MissingPermissionError) {
        throw error instanceof Error ? error : new UnavailableError('Microsoft Graph could not be read.');
      }
      const reason = error instanceof Error ? error.message : 'Microsoft Graph could not be read.';
      this.options.logger.warn('serving a stale license snapshot', { reason, takenAt: fallback.snapshot.takenAt });
      return { snapshot: fallback.snapshot, stale: true, staleReason: reason };
    }
  }

  /** The current snapshot with every SKU's figures, counting holds, mutes and the latest reclaim scan from the store. */
  async figures(request: { fresh?: boolean; priority?: ReadOptions['priority'] } = {}): Promise<ServedFigures> {
    const served = await this.current(request);
    const read = await this.adjustments(request.fresh === true);
    return { ...served, figures: this.figuresOf(served.snapshot, read) };
  }

  /** Holds, mutes or the reclaim scan changed through this process: the next answer reads them again. */
  adjustmentsChanged(): void {
    this.lastAdjustments = null;
  }

  private adjustments(fresh: boolean): Promise<ReadAdjustments> {
    const ttl = this.options.adjustmentsTtlMs ?? 1000;
    const last = this.lastAdjustments;
    const at = this.now();
    if (!fresh && last !== null && at - last.readAt < ttl && at >= last.readAt) {
      return last.read;
    }
    const source = this.options.adjustments ?? noAdjustments;
    const read = Promise.all([source.heldBySku(new Date(at)), source.mutedSkuIds(), source.reclaimSummary()]);
    this.lastAdjustments = { readAt: at, read };
    read.catch(() => {
      if (this.lastAdjustments?.read === read) {
        this.lastAdjustments = null;
      }
    });
    return read;
  }

  /** What /healthz reports: whether the last read worked and how old the data is. */
  health(): { graphReachable: boolean | null; dataAgeSeconds: number | null; lastError: string | null } {
    const last = this.last;
    const failedSinceLastRead = this.lastFailure !== null && (!last || this.lastFailure.at >= last.readAt);
    return {
      graphReachable: last === null && this.lastFailure === null ? null : !failedSinceLastRead,
      dataAgeSeconds: last ? Math.max(0, Math.round((this.now() - Date.parse(last.snapshot.takenAt)) / 1000)) : null,
      lastError: failedSinceLastRead && this.lastFailure ? this.lastFailure.message : null,
    };
  }

  /**
   * The snapshot's figures with these holds, mutes and reclaim summary: recomputed only when the
   * snapshot (by identity) or the adjustments changed. The figures are frozen because every asker
   * shares them.
   */
  private figuresOf(snapshot: LicenseSnapshot, read: ReadAdjustments): SkuFigures[] {
    const last = this.lastFigures;
    // The same read of the adjustments (reused for `adjustmentsTtlMs`) needs no key at all.
    if (last !== null && last.snapshot === snapshot && last.read.every((part, index) => part === read[index])) {
      return last.figures;
    }
    const [held, muted, reclaim] = read;
    const key = `${[...held].map(([skuId, seats]) => `${skuId}=${seats}`).join(',')}|${[...muted].join(',')}|${reclaimKey(reclaim)}`;
    if (last !== null && last.snapshot === snapshot && last.adjustments === key) {
      this.lastFigures = { ...last, read };
      return last.figures;
    }
    const figures = computeSkuFigures(snapshot, { held, muted, reclaim });
    for (const sku of figures) {
      sku.waitingGroups.forEach((group) => Object.freeze(group));
      Object.freeze(sku.waitingGroups);
      if (sku.reclaimable !== null) {
        Object.freeze(sku.reclaimable);
      }
      Object.freeze(sku);
    }
    Object.freeze(figures);
    this.lastFigures = { snapshot, adjustments: key, read, figures };
    return figures;
  }

  private sharedRead(priority: ReadOptions['priority']): Promise<LicenseSnapshot> {
    if (!this.inFlight) {
      this.inFlight = this.options.reader
        .readSnapshot({ priority })
        .then((snapshot) => {
          this.last = { snapshot, readAt: this.now() };
          this.lastFailure = null;
          this.options.missingPermissions?.report(
            'snapshot',
            (snapshot.problems ?? []).map((problem) => ({ permission: problem.permission, effect: problem.effect })),
          );
          return snapshot;
        })
        .catch((error: unknown) => {
          this.lastFailure = { at: this.now(), message: error instanceof Error ? error.message : String(error) };
          if (error instanceof MissingPermissionError) {
            this.options.missingPermissions?.report(
              'snapshot',
              error.permissions.map((permission) => ({ permission, effect: 'no license figures can be read' })),
            );
          }
          throw error;
        })
        .finally(() => {
          this.inFlight = null;
        });
    }
    return this.inFlight;
  }
}

/** What the figures take from a reclaim summary, as text: equal keys give equal figures. */
function reclaimKey(summary: ReclaimSummary | null): string {
  if (summary === null) {
    return 'no scan';
  }
  const counts = [...summary.bySku].map(([skuId, seats]) => `${skuId}=${seats.disabled}/${seats.inactive}`).join(',');
  return `${summary.asOf}|${summary.inactiveDays}|${summary.inactiveUnknown?.reason ?? ''}|${summary.inactiveUnknown?.detail ?? ''}|${counts}`;
}
