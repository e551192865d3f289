import { renderCard } from '../cards/render-card';
import type { ChatReply } from '../cards/chat-reply';
import { describeForecast, forecastRunOut } from '../licenses/forecast';
import type { LicenseSnapshot } from '../licenses/license-snapshot';
import type { SkuHistoryStore } from '../licenses/sku-history-store';
import { buildAlertDigestCard, summarizeAlertDigest } from './alert-digest';
import type { AlertTransition } from './alert-transition';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface AlertDigestSources {
  store: Pick<SkuHistoryStore, 'listHistory'>;
  remindHours: number;
  /** Days of history the run-out forecast looks at. Default 30. */
  forecastWindowDays?: number;
}

/**
 * The digest of one tick's transitions as a chat reply (card and summary), with a run-out forecast
 * from the stored history for each product still in trouble.
 */
export async function renderAlertDigest(
  sources: AlertDigestSources,
  transitions: readonly AlertTransition[],
  snapshot: LicenseSnapshot,
  now: Date,
): Promise<ChatReply> {
  const forecasts = new Map<string, string>();
  const since = new Date(now.getTime() - (sources.forecastWindowDays ?? 30) * DAY_MS).toISOString();
  const troubled = new Map(transitions.filter((t) => t.kind !== 'resolved').map((t) => [t.skuId.toLowerCase(), t.figures]));
  for (const [key, figures] of troubled) {
    const history = await sources.store.listHistory(figures.skuId, since);
    const forecast = forecastRunOut(
      history.map((row) => ({ at: row.takenAt, assigned: row.assigned })),
      figures.purchased,
      now,
      { windowDays: sources.forecastWindowDays },
    );
    if (forecast !== null && forecast.daysLeft > 0) {
      forecasts.set(key, describeForecast(forecast, figures.displayName, now));
    }
  }
  const meta = { tenantName: snapshot.tenant.displayName, asOf: snapshot.takenAt, remindHours: sources.remindHours, forecasts, now };
  return {
    card: renderCard('alert-digest', buildAlertDigestCard(transitions, meta)),
    summary: summarizeAlertDigest(transitions, meta),
  };
}
