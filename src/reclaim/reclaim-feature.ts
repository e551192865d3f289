import { randomUUID } from 'node:crypto';
import type { AccessPolicy } from '../access/access-policy';
import type { AlertSettingsStore } from '../alerts/alert-settings-store';
import type { TickContext, TickHook } from '../alerts/tick-hook';
import type { CardActionRegistry } from '../chat/card-action-registry';
import type { ChannelSender } from '../delivery/channel-sender';
import type { Outbox } from '../delivery/outbox';
import type { OutboxKind } from '../delivery/outbox-message';
import type { OutboxSender } from '../delivery/outbox-sender';
import type { WatchedPlaceStore } from '../delivery/watched-place-store';
import type { LicenseService } from '../licenses/license-service';
import type { Logger } from '../logger';
import type { SkuThreshold } from '../settings/sku-threshold';
import { RECLAIM_VERBS } from './card-verbs';
import type { DirectLicenseLookup } from './direct-license-lookup';
import { GroupReprocessor } from './group-reprocessor';
import type { LicenseWriter } from './license-writer';
import type { ReclaimCardOptions } from './reclaim-card';
import { reclaimCardOutboxSender } from './reclaim-card-outbox-sender';
import { ReclaimCardRaiser } from './reclaim-card-raiser';
import { ReclaimDecisions } from './reclaim-decisions';
import { ReclaimExecutor, type ReclaimExecutorOptions } from './reclaim-executor';
import type { ReclaimRequestStore } from './reclaim-request-store';
import type { ReclaimScanStore } from './reclaim-scan-store';
import { reclaimReply } from './reclaim-reply';
import { recordReprocessAfterFulfilment } from './reprocess-after-fulfilment';
import type { SuggestionSignals } from './suggestion-signals';
import { updateReclaimCopies } from './update-reclaim-copies';

export interface ReclaimFeatureDependencies {
  /** RECLAIM_ACTIONS: removals and reprocessing happen only when on. */
  actionsEnabled: boolean;
  /** ADMIN_USER_IDS: the approvers the card refreshes for. */
  refreshUserIds: readonly string[];
  /** ALERT_MIN_AVAILABLE. */
  defaultThreshold: SkuThreshold;
  store: ReclaimRequestStore & Outbox & WatchedPlaceStore & Pick<AlertSettingsStore, 'listThresholds'>;
  scans: ReclaimScanStore;
  suggestions: SuggestionSignals;
  access: AccessPolicy;
  licenses: Pick<LicenseService, 'figures'>;
  channels: ChannelSender | null;
  /** The Graph writes; used only when `actionsEnabled`. */
  writer: LicenseWriter;
  lookup: DirectLicenseLookup;
  logger: Logger;
  clock: () => Date;
  /** Tests: shorter claims, a hook before each removal. */
  executor?: Pick<ReclaimExecutorOptions, 'claimMs' | 'beforeRemoval' | 'afterRemoval' | 'instanceId'>;
}

/** Reclaim cards, wired: what the composition root hands to the bot, the watcher and the outbox. */
export interface ReclaimFeature {
  raiser: ReclaimCardRaiser;
  decisions: ReclaimDecisions;
  /** Null when RECLAIM_ACTIONS is off. */
  executor: ReclaimExecutor | null;
  /** The leader's tick: raise and update cards; with RECLAIM_ACTIONS, resume removals and reprocess groups. */
  hook: TickHook;
  attach(outbox: { registerSender(kind: OutboxKind, sender: OutboxSender): void }, watcher: { addHook(hook: TickHook): void }): void;
  registerCardActions(registry: Pick<CardActionRegistry, 'register'>): void;
}

/** Builds the reclaim feature (issue #14, reclaiming on approval). */
export function createReclaimFeature(deps: ReclaimFeatureDependencies): ReclaimFeature {
  const { store, logger, clock } = deps;
  const card: ReclaimCardOptions = { refreshUserIds: deps.refreshUserIds, actionsEnabled: deps.actionsEnabled };
  const reprocessor = deps.actionsEnabled ? new GroupReprocessor({ store, writer: deps.writer, logger, clock }) : null;
  const executor =
    reprocessor === null
      ? null
      : new ReclaimExecutor({
          store,
          writer: deps.writer,
          lookup: deps.lookup,
          reprocessor,
          licenses: deps.licenses,
          logger,
          clock,
          instanceId: deps.executor?.instanceId ?? `headroom-${randomUUID()}`,
          claimMs: deps.executor?.claimMs,
          beforeRemoval: deps.executor?.beforeRemoval,
          afterRemoval: deps.executor?.afterRemoval,
          onProgress: async (request) => {
            await updateReclaimCopies(deps.channels, request, await reclaimReply(store, request, card), logger);
          },
        });
  const raiser = new ReclaimCardRaiser({ store, scans: deps.scans, suggestions: deps.suggestions, channels: deps.channels, logger, defaultThreshold: deps.defaultThreshold, card });
  const decisions = new ReclaimDecisions({ store, access: deps.access, executor, channels: deps.channels, logger, card, clock });
  const hook = async (context: TickContext): Promise<void> => {
    await raiser.raise(context);
    if (executor === null || reprocessor === null) {
      return;
    }
    await executor.resume();
    await recordReprocessAfterFulfilment(store, deps.suggestions, context.figures, context.now);
    await reprocessor.run();
  };
  return {
    raiser,
    decisions,
    executor,
    hook,
    attach: (outbox, watcher) => {
      if (deps.channels !== null) {
        outbox.registerSender('reclaim-card', reclaimCardOutboxSender({ channels: deps.channels, store, card }));
      }
      watcher.addHook(hook);
    },
    registerCardActions: (registry) => {
      for (const verb of Object.values(RECLAIM_VERBS)) {
        registry.register(verb, (request) => decisions.decide(request));
      }
    },
  };
}
