import { UnavailableError } from '../errors';
import type { LicenseService } from '../licenses/license-service';
import type { Logger } from '../logger';
import type { SkuHistoryStore } from '../licenses/sku-history-store';
import type { AlertSettingsStore } from './alert-settings-store';
import type { AlertStateStore } from './alert-state-store';
import type { SkuThreshold } from '../settings/sku-threshold';
import type { WatchedPlaceStore } from '../delivery/watched-place-store';
import type { AlertSettings } from './alert-settings';
import type { AlertTransition } from './alert-transition';
import { buildAlertOutbox } from './build-alert-outbox';
import { evaluateAlerts } from './evaluate-alerts';
import { renderAlertDigest } from './render-alert-digest';
import type { PreTickHook, TickHook } from './tick-hook';

export interface AlertTickOptions {
  store: SkuHistoryStore & AlertSettingsStore & WatchedPlaceStore & AlertStateStore;
  licenses: Pick<LicenseService, 'figures'>;
  logger: Logger;
  settings: AlertSettings;
  /** Days of history the run-out forecast looks at. Default 30. */
  forecastWindowDays?: number;
}

/** What one tick's alert work changed. */
export interface AlertTickOutcome {
  transitions: AlertTransition[];
  /** Outbox messages enqueued (one digest per active watched place). */
  messages: number;
}

/**
 * One tick's work on the lease holder: read a fresh snapshot at low Graph priority, store its history,
 * run the alert rules against the stored states, commit the state changes together with one digest per
 * watched place, then run the tick hooks. Throws when Graph could not be read or the store fails; a
 * hook that throws is logged and the others still run.
 */
export class AlertTick {
  private readonly hooks: TickHook[] = [];
  private readonly preHooks: PreTickHook[] = [];

  constructor(private readonly options: AlertTickOptions) {}

  /** Adds work to run after each tick's alert commit (the reservations feature plugs in here). */
  addHook(hook: TickHook): void {
    this.hooks.push(hook);
  }

  /** Adds work to run at the start of each tick, before the figures are read. */
  addPreHook(hook: PreTickHook): void {
    this.preHooks.push(hook);
  }

  async run(now: Date): Promise<AlertTickOutcome> {
    const { store, licenses, logger, settings } = this.options;
    for (const hook of this.preHooks) {
      try {
        await hook(now);
      } catch (error) {
        logger.error('a watcher pre-tick hook failed', { error });
      }
    }
    const served = await licenses.figures({ fresh: true, priority: 'low' });
    if (served.stale) {
      throw new UnavailableError(`Microsoft Graph could not be read (${served.staleReason ?? 'unknown reason'}); alerts were not evaluated.`);
    }
    const { snapshot, figures } = served;
    // History rows need a known waiting: a SKU whose waiting is unknown gets no row this tick (never a made-up 0).
    const history = figures.flatMap((sku) =>
      sku.waiting === null ? [] : [{ skuId: sku.skuId, purchased: sku.purchased, assigned: sku.assigned, available: sku.available, waiting: sku.waiting }],
    );
    await store.recordSnapshot(snapshot.takenAt, history);
    const [previous, thresholdRecords] = await Promise.all([store.listAlertStates(), store.listThresholds()]);
    const thresholds = new Map<string, SkuThreshold>(thresholdRecords.map((record) => [record.skuId.toLowerCase(), record.threshold]));
    const evaluation = evaluateAlerts({ previous, figures, subscriptions: snapshot.subscriptions, thresholds, now, settings });

    let messages = 0;
    if (evaluation.changes.length > 0) {
      const places = evaluation.transitions.length > 0 ? await store.listWatchedPlaces({ activeOnly: true }) : [];
      const digestSources = { store, remindHours: settings.remindHours, forecastWindowDays: this.options.forecastWindowDays };
      const outbox =
        places.length > 0
          ? buildAlertOutbox(evaluation.transitions, places, await renderAlertDigest(digestSources, evaluation.transitions, snapshot, now), now)
          : [];
      await store.commitAlertTransitions(evaluation.changes, outbox);
      messages = outbox.length;
      logger.info('alert states changed', {
        transitions: evaluation.transitions.map((t) => `${t.figures.skuPartNumber} ${t.condition} ${t.kind}`),
        stateChanges: evaluation.changes.length,
        messages,
      });
    }
    for (const hook of this.hooks) {
      try {
        await hook({ figures, snapshot, now });
      } catch (error) {
        logger.error('a watcher tick hook failed', { error });
      }
    }
    return { transitions: evaluation.transitions, messages };
  }
}
