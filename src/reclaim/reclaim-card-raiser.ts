import type { AlertSettingsStore } from '../alerts/alert-settings-store';
import { effectiveThreshold } from '../alerts/effective-threshold';
import type { TickContext } from '../alerts/tick-hook';
import { ConflictError } from '../errors';
import type { ChannelSender } from '../delivery/channel-sender';
import type { NewOutboxMessage } from '../delivery/outbox-message';
import type { Outbox } from '../delivery/outbox';
import type { WatchedPlaceStore } from '../delivery/watched-place-store';
import type { SkuFigures } from '../licenses/sku-figures';
import type { Logger } from '../logger';
import type { SkuThreshold } from '../settings/sku-threshold';
import { planReclaimRequests, type ReclaimPlan } from './plan-reclaim-requests';
import type { ReclaimCardOptions } from './reclaim-card';
import type { ReclaimCardPayload } from './reclaim-card-outbox-sender';
import type { ReclaimRequest } from './reclaim-request';
import type { ReclaimRequestStore } from './reclaim-request-store';
import type { ReclaimScanStore } from './reclaim-scan-store';
import { reclaimReply } from './reclaim-reply';
import type { SuggestionSignals } from './suggestion-signals';
import { updateReclaimCopies } from './update-reclaim-copies';

/** Dismissed and done requests read to know what was already decided. */
const CLOSED_LOOKBACK = 200;

export interface ReclaimCardRaiserOptions {
  store: ReclaimRequestStore & Outbox & WatchedPlaceStore & Pick<AlertSettingsStore, 'listThresholds'>;
  scans: ReclaimScanStore;
  suggestions: SuggestionSignals;
  channels: ChannelSender | null;
  logger: Logger;
  /** ALERT_MIN_AVAILABLE, for SKUs without their own threshold. */
  defaultThreshold: SkuThreshold;
  card: ReclaimCardOptions;
}

/**
 * The leader's tick hook for reclaim cards. After each tick it reads the latest stored scan, decides
 * each SKU's card ({@link planReclaimRequests}) and applies it: a new request's card goes to every
 * active watched place through the outbox (one per place, by dedupe key, so a crash or a place
 * watched later is caught up on the next tick); changed seats update every posted copy in place; a
 * request no longer needed is withdrawn and its copies say so.
 */
export class ReclaimCardRaiser {
  constructor(private readonly options: ReclaimCardRaiserOptions) {}

  async raise(context: TickContext): Promise<ReclaimPlan[]> {
    const { store, scans, suggestions } = this.options;
    const scan = await scans.latestReclaimScan();
    if (scan === null) {
      return [];
    }
    const [thresholds, suggested, open, closed] = await Promise.all([
      store.listThresholds(),
      suggestions.listSuggestions({ statuses: ['proposed', 'approved'], limit: 10_000 }),
      store.listReclaimRequests({ statuses: ['open'], limit: 10_000 }),
      store.listReclaimRequests({ statuses: ['dismissed', 'done'], limit: CLOSED_LOOKBACK }),
    ]);
    const bySku = new Map(thresholds.map((record) => [record.skuId.toLowerCase(), record.threshold]));
    const plans = planReclaimRequests({
      figures: context.figures,
      scan,
      thresholdSeats: (sku: SkuFigures) => effectiveThreshold(sku.purchased, bySku.get(sku.skuId.toLowerCase()) ?? this.options.defaultThreshold),
      suggested: new Set(suggested.map((s) => s.skuId.toLowerCase())),
      open: new Set(open.map((r) => r.skuId.toLowerCase())),
      closed,
    });
    for (const plan of plans) {
      try {
        await this.apply(plan, open, context.now);
      } catch (error) {
        this.options.logger.error('could not apply a reclaim card change', { plan: plan.kind, error });
      }
    }
    await this.postToEveryPlace(context.now);
    return plans;
  }

  private async apply(plan: ReclaimPlan, open: readonly ReclaimRequest[], now: Date): Promise<void> {
    const { store, logger } = this.options;
    if (plan.kind === 'withdraw') {
      const request = open.find((r) => r.skuId.toLowerCase() === plan.skuId);
      if (request === undefined) {
        return;
      }
      const result = await store.decideReclaimRequest(request.id, { to: 'withdrawn', actor: 'headroom', actorName: 'Headroom', at: now.toISOString() });
      if (result.ok) {
        logger.info('reclaim card withdrawn', { requestId: request.id, skuId: request.skuId });
        await this.refreshCopies(result.request);
      }
      return;
    }
    try {
      const result = await store.upsertReclaimRequest(plan.request);
      if (result.change === 'created') {
        logger.info('reclaim card raised', { requestId: result.request.id, skuId: result.request.skuId, seats: result.request.seats.length });
      } else if (result.change === 'updated') {
        await this.refreshCopies(result.request);
      }
    } catch (error) {
      if (!(error instanceof ConflictError)) {
        throw error;
      }
      logger.info('another instance raised the reclaim card for this SKU first', { skuId: plan.request.skuId });
    }
  }

  private async postToEveryPlace(now: Date): Promise<void> {
    const { store } = this.options;
    const [open, places] = await Promise.all([store.listReclaimRequests({ statuses: ['open'], limit: 10_000 }), store.listWatchedPlaces({ activeOnly: true })]);
    const messages: NewOutboxMessage[] = [];
    for (const request of open) {
      for (const place of places) {
        const payload: ReclaimCardPayload = { requestId: request.id };
        messages.push({ kind: 'reclaim-card', target: place.conversationId, payload, dedupeKey: `reclaim:${request.id}:post:${place.conversationId}`, notBefore: now.toISOString() });
      }
    }
    if (messages.length > 0) {
      await store.enqueueOutbox(messages);
    }
  }

  private async refreshCopies(request: ReclaimRequest): Promise<void> {
    const reply = await reclaimReply(this.options.store, request, this.options.card);
    await updateReclaimCopies(this.options.channels, request, reply, this.options.logger);
  }
}
