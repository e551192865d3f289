import { MissingPermissionError } from '../errors';
import type { Logger } from '../logger';
import { LicenseWriteError, type LicenseWriter } from './license-writer';
import type { ReclaimRequestStore } from './reclaim-request-store';

type ReprocessStore = Pick<ReclaimRequestStore, 'listReprocessIntents' | 'markReprocessAttempted' | 'settleReprocess'>;

/**
 * Carries out recorded reprocess intents: `POST /groups/{id}/reprocessLicenseAssignment` once per group
 * and source. The attempt is noted (conditionally) before Graph is called, so of two instances only
 * one calls; an intent found attempted but unsettled (Headroom stopped during the call) is not called
 * again but settled as `OutcomeUnknown`: exactly once means never twice.
 */
export class GroupReprocessor {
  constructor(
    private readonly options: {
      store: ReprocessStore;
      writer: LicenseWriter;
      logger: Logger;
      clock: () => Date;
    },
  ) {}

  /** Carries out the intents of one source, or every unfinished one. Resolves with how many groups Graph accepted. */
  async run(source?: string): Promise<number> {
    const { store, writer, logger, clock } = this.options;
    const intents = (await store.listReprocessIntents(source === undefined ? { unfinished: true } : { source })).filter((i) => i.state === 'intended');
    let accepted = 0;
    for (const intent of intents) {
      if (intent.attemptedAt !== null) {
        await store.settleReprocess(intent.source, intent.groupId, { state: 'failed', code: 'OutcomeUnknown', message: 'Headroom stopped while asking Graph; not asked again.' }, clock().toISOString());
        continue;
      }
      if (!(await store.markReprocessAttempted(intent.source, intent.groupId, clock().toISOString()))) {
        continue;
      }
      try {
        await writer.reprocessGroup(intent.groupId);
        await store.settleReprocess(intent.source, intent.groupId, { state: 'done' }, clock().toISOString());
        accepted += 1;
        logger.info('asked Entra to reprocess a group whose users wait for seats', { source: intent.source, groupId: intent.groupId, skuId: intent.skuId });
      } catch (error) {
        const outcome = failureOf(error);
        await store.settleReprocess(intent.source, intent.groupId, { state: 'failed', ...outcome }, clock().toISOString());
        logger.warn('could not reprocess a group', { source: intent.source, groupId: intent.groupId, code: outcome.code, error });
      }
    }
    return accepted;
  }
}

/** Graph's error code and message for a failed write, kept as Graph said it. */
export function failureOf(error: unknown): { code: string; message: string } {
  if (error instanceof LicenseWriteError) {
    return { code: error.code, message: error.message };
  }
  if (error instanceof MissingPermissionError) {
    return { code: 'MissingPermission', message: error.message };
  }
  return { code: 'Unknown', message: error instanceof Error ? error.message : String(error) };
}
