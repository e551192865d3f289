import type { TickHook } from '../alerts/tick-hook';
import type { Logger } from '../logger';
import type { WatchedPlaceStore } from '../delivery/watched-place-store';
import type { Outbox } from '../delivery/outbox';
import type { NewOutboxMessage } from '../delivery/outbox-message';
import type { LicenseReporter } from './license-reporter';
import { currentReportPeriod } from './report-period';
import type { ReportSchedule } from '../settings/report-schedule';

/** The outbox key of one place's report for one period: the outbox refuses a second message with it. */
export function reportDedupeKey(conversationId: string, periodKey: string): string {
  return `report:${conversationId}:${periodKey}`;
}

/**
 * Sends each watched place the report of the current period, once. Runs on the watcher's leader after
 * every tick: once the period's scheduled time has passed (and until the next period begins), it
 * enqueues one report per active place with the key `report:<conversationId>:<periodKey>`. The
 * outbox skips a key it already holds, so however many ticks, instances or restarts see the period,
 * a place gets one report; an instance that was down at the scheduled time sends it at its first tick
 * back within the period. A place watched after the scheduled time waits for the next period.
 */
export function reportTickHook(deps: { store: Pick<WatchedPlaceStore, 'listWatchedPlaces'> & Pick<Outbox, 'enqueueOutbox'>; reporter: LicenseReporter; schedule: ReportSchedule; logger: Logger }): TickHook {
  /** Periods this instance already enqueued for these places; saves rebuilding the card every tick. Not needed for correctness. */
  let enqueued = '';
  return async ({ now }) => {
    const period = currentReportPeriod(deps.schedule, now);
    if (period === null || now.getTime() < period.sendAt.getTime() || now.getTime() >= period.endsAt.getTime()) {
      return;
    }
    const places = (await deps.store.listWatchedPlaces({ activeOnly: true })).filter((place) => Date.parse(place.addedAt) <= period.sendAt.getTime());
    const fingerprint = `${period.key}|${places.map((place) => place.conversationId).sort().join(',')}`;
    if (places.length === 0 || fingerprint === enqueued) {
      return;
    }
    const moment = deps.reporter.scheduledMoment(now);
    if (moment === null) {
      return;
    }
    const reply = await deps.reporter.build(now, moment);
    const messages: NewOutboxMessage[] = places.map((place) => ({
      kind: 'channel',
      target: place.conversationId,
      payload: reply,
      dedupeKey: reportDedupeKey(place.conversationId, period.key),
      notBefore: now.toISOString(),
    }));
    const inserted = await deps.store.enqueueOutbox(messages);
    enqueued = fingerprint;
    if (inserted.length > 0) {
      deps.logger.info('enqueued the license report', { period: period.key, places: inserted.length });
    }
  };
}
