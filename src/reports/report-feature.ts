import type { TickHook } from '../alerts/tick-hook';
import type { ChatReply } from '../cards/chat-reply';
import type { TrendLookup } from '../chat/license-answers';
import type { LicenseService } from '../licenses/license-service';
import type { Logger } from '../logger';
import type { WatchedPlaceStore } from '../delivery/watched-place-store';
import type { Outbox } from '../delivery/outbox';
import type { SkuHistoryStore } from '../licenses/sku-history-store';
import type { SuggestionStore } from '../reservations/suggestion-store';
import { historyRetentionHook } from './history-retention-hook';
import { LicenseReporter } from './license-reporter';
import type { ReportSchedule } from '../settings/report-schedule';
import { reportTickHook } from './report-tick-hook';
import { storeTrendLookup } from './store-trend-lookup';

/** The license report and trends, as the composition root plugs them in. */
export interface ReportFeature {
  /** The `report` chat command (anyone may ask). */
  chatAnswer: () => Promise<ChatReply>;
  /** Sends the scheduled report; added to the watcher. */
  tickHook: TickHook;
  /** Prunes history older than 400 days, once a day; added to the watcher. */
  retentionHook: TickHook;
  /** The product card's 90-day trend. */
  trends: TrendLookup;
}

export function createReportFeature(deps: { licenses: Pick<LicenseService, 'figures'>; store: SkuHistoryStore & SuggestionStore & WatchedPlaceStore & Outbox; schedule: ReportSchedule; logger: Logger; now: () => Date }): ReportFeature {
  const reporter = new LicenseReporter({ licenses: deps.licenses, store: deps.store, schedule: deps.schedule, logger: deps.logger });
  return {
    chatAnswer: async () => {
      const now = deps.now();
      return reporter.build(now, reporter.onDemandMoment(now));
    },
    tickHook: reportTickHook({ store: deps.store, reporter, schedule: deps.schedule, logger: deps.logger }),
    retentionHook: historyRetentionHook({ store: deps.store, logger: deps.logger }),
    trends: storeTrendLookup(deps.store, deps.logger),
  };
}
