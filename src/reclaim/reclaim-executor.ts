import { MissingPermissionError } from '../errors';
import type { LicenseService } from '../licenses/license-service';
import type { Logger } from '../logger';
import type { DirectLicenseLookup } from './direct-license-lookup';
import { failureOf, type GroupReprocessor } from './group-reprocessor';
import { LicenseWriteError, type LicenseWriter } from './license-writer';
import type { ReclaimRequest, RemovalIntent } from './reclaim-request';
import type { ReclaimRequestStore } from './reclaim-request-store';
import { reclaimSource } from './reclaim-reply';

type ExecutorStore = Pick<
  ReclaimRequestStore,
  | 'getReclaimRequest'
  | 'claimReclaimExecution'
  | 'releaseReclaimExecution'
  | 'listRemovalIntents'
  | 'listUnfinishedReclaimRequests'
  | 'markRemovalAttempted'
  | 'settleRemoval'
  | 'finishReclaimRequest'
  | 'recordReprocessIntents'
>;

export interface ReclaimExecutorOptions {
  store: ExecutorStore;
  writer: LicenseWriter;
  lookup: DirectLicenseLookup;
  reprocessor: GroupReprocessor;
  /** The waiting groups of the SKU, to reprocess once seats are free. */
  licenses: Pick<LicenseService, 'figures'>;
  logger: Logger;
  clock: () => Date;
  /** This instance, as the claimant of executions. */
  instanceId: string;
  /**
   * How long a claim lasts without renewal (it is renewed before each user); an instance killed mid-way
   * is taken over after it. It must outlast one removal call with its 429 retries, or a slow call could
   * be checked and sent again by another instance. Default 10 minutes.
   */
  claimMs?: number;
  /** Called after each request's run (done or not), to update the posted cards. */
  onProgress?: (request: ReclaimRequest) => Promise<void>;
  /** Tests: runs just before each removal's Graph call. */
  beforeRemoval?: (intent: RemovalIntent) => Promise<void> | void;
  /** Tests: runs after Graph accepted a removal, before it is recorded. */
  afterRemoval?: (intent: RemovalIntent) => Promise<void> | void;
}

/** Why a run stopped before every removal had an outcome; the next run picks it up. */
class StopRun extends Error {}

/**
 * Carries out an approved request's removals, exactly once each, across instances and restarts.
 * - Only the holder of the request's execution claim calls Graph for it.
 * - Before each call the attempt is noted; an intent found attempted but unsettled (a crash or kill
 *   during the call) is checked against Graph (`licenseAssignmentStates`) first: no longer held
 *   directly means done, without calling again.
 * - Graph's per-user errors (`LicenseWriteError`, e.g. a dependency refusal) settle the intent as
 *   failed; anything else (an outage) stops the run with the intent unsettled, for the next run.
 * - Once no removal is intended, the waiting groups of the SKU are recorded for reprocessing (if any
 *   seat was freed), the request is finished, and the groups are reprocessed once.
 */
export class ReclaimExecutor {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly options: ReclaimExecutorOptions) {}

  /** Starts carrying out one request; the returned promise never rejects (failures are logged). */
  execute(requestId: string): Promise<void> {
    const run = this.runOnce(requestId)
      .then(() => undefined)
      .catch((error: unknown) => {
        this.options.logger.error('reclaim execution failed; the next leader tick resumes it', { requestId, error });
      });
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
    return run;
  }

  /** Resumes every approved request whose claim is free (the leader's tick after a restart). */
  async resume(): Promise<void> {
    const unfinished = await this.options.store.listUnfinishedReclaimRequests();
    for (const request of unfinished) {
      await this.execute(request.id);
    }
  }

  /** Resolves when every run started by this instance has finished. */
  async idle(): Promise<void> {
    while (this.running.size > 0) {
      await Promise.all([...this.running]);
    }
  }

  /** One run: false when another instance holds the claim or the request is not approved. */
  async runOnce(requestId: string): Promise<boolean> {
    const { store, instanceId } = this.options;
    if (!(await this.claim(requestId))) {
      return false;
    }
    try {
      const intents = (await store.listRemovalIntents(requestId)).filter((intent) => intent.state === 'intended');
      for (const intent of intents) {
        if (!(await this.claim(requestId))) {
          throw new StopRun('the execution claim was lost');
        }
        await this.remove(intent);
      }
      await this.finish(requestId);
      return true;
    } catch (error) {
      if (!(error instanceof StopRun)) {
        throw error;
      }
      this.options.logger.warn('reclaim execution stopped; it resumes on the next leader tick', { requestId, reason: error.message });
      return false;
    } finally {
      await store.releaseReclaimExecution(requestId, instanceId);
      const request = await store.getReclaimRequest(requestId);
      if (request !== null) {
        await this.options.onProgress?.(request);
      }
    }
  }

  private async claim(requestId: string): Promise<boolean> {
    const now = this.options.clock();
    const until = new Date(now.getTime() + (this.options.claimMs ?? 600_000));
    return this.options.store.claimReclaimExecution(requestId, this.options.instanceId, now.toISOString(), until.toISOString());
  }

  private async remove(intent: RemovalIntent): Promise<void> {
    const { store, writer, lookup, logger, clock } = this.options;
    if (intent.attemptedAt !== null) {
      let held: boolean;
      try {
        held = await lookup.holdsDirectly(intent.userId, intent.skuId);
      } catch (error) {
        throw new StopRun(`could not check ${intent.userId} against Graph: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (!held) {
        await store.settleRemoval(intent.requestId, intent.userId, { state: 'done', note: 'confirmed in Graph after an interrupted attempt' }, clock().toISOString());
        return;
      }
    }
    if (!(await store.markRemovalAttempted(intent.requestId, intent.userId, clock().toISOString()))) {
      return;
    }
    await this.options.beforeRemoval?.(intent);
    try {
      await writer.removeDirectLicense(intent.userId, intent.skuId);
    } catch (error) {
      if (!(error instanceof LicenseWriteError) && !(error instanceof MissingPermissionError)) {
        throw new StopRun(`Graph did not answer the removal for ${intent.userId}: ${error instanceof Error ? error.message : String(error)}`);
      }
      const failure = failureOf(error);
      await store.settleRemoval(intent.requestId, intent.userId, { state: 'failed', ...failure }, clock().toISOString());
      logger.warn('a reclaim removal failed', { requestId: intent.requestId, userId: intent.userId, code: failure.code });
      return;
    }
    await this.options.afterRemoval?.(intent);
    await store.settleRemoval(intent.requestId, intent.userId, { state: 'done' }, clock().toISOString());
    logger.info('reclaimed a seat', { requestId: intent.requestId, userId: intent.userId, skuId: intent.skuId });
  }

  private async finish(requestId: string): Promise<void> {
    const { store, clock } = this.options;
    const request = await store.getReclaimRequest(requestId);
    if (request === null || request.status !== 'approved') {
      return;
    }
    const removals = await store.listRemovalIntents(requestId);
    if (removals.some((r) => r.state === 'done')) {
      const { figures } = await this.options.licenses.figures();
      const sku = figures.find((f) => f.skuId.toLowerCase() === request.skuId.toLowerCase());
      const targets = (sku?.waitingGroups ?? [])
        .filter((group): group is typeof group & { groupId: string } => group.groupId !== null && group.waiting > 0)
        .map((group) => ({ groupId: group.groupId, groupName: group.displayName }));
      await store.recordReprocessIntents(reclaimSource(requestId), request.skuId, targets, clock().toISOString());
    }
    await store.finishReclaimRequest(requestId, clock().toISOString());
    await this.options.reprocessor.run(reclaimSource(requestId));
  }
}
