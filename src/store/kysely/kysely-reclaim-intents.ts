import type { IntentOutcome, ReclaimAuditEntry, RemovalIntent, ReprocessIntent, ReprocessTarget } from '../../reclaim/reclaim-request';
import { reclaimInput } from '../reclaim-input';
import type { StoreParts } from '../store-parts';
import { storeInput } from '../store-input';
import { insertReclaimAudit } from './insert-reclaim-audit';
import type { StoreContext } from './store-context';

type IntentPart = StoreParts['reclaimIntents'];

const HEADROOM = 'headroom';

/** The columns an intent's outcome sets, the same on removals and reprocesses. */
function settledColumns(outcome: ReturnType<typeof reclaimInput.outcome>, settledAt: string) {
  return outcome.state === 'done'
    ? { state: 'done' as const, settledAt }
    : { state: 'failed' as const, settledAt, errorCode: outcome.code, errorMessage: outcome.message };
}

/** The id of the request a reprocess source names, for its audit rows. */
function requestIdOf(source: string): string | null {
  return source.startsWith('reclaim:') ? source.slice('reclaim:'.length) : null;
}

/**
 * The Graph writes reclaiming records before making them: license removals and group reprocessing.
 * An outcome is recorded at most once (only from `intended`), with its audit row in the same transaction.
 */
export class KyselyReclaimIntents implements IntentPart {
  constructor(private readonly ctx: StoreContext) {}

  async listRemovalIntents(requestId: string): Promise<RemovalIntent[]> {
    return this.ctx.db.selectFrom('reclaimRemovals').selectAll().where('requestId', '=', requestId).orderBy('displayName').orderBy('userId').execute();
  }

  async markRemovalAttempted(requestId: string, userId: string, at: string): Promise<boolean> {
    const result = await this.ctx.db
      .updateTable('reclaimRemovals')
      .set({ attemptedAt: storeInput.iso(at, 'at') })
      .where('requestId', '=', requestId)
      .where('userId', '=', userId)
      .where('state', '=', 'intended')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async settleRemoval(requestId: string, userId: string, outcome: IntentOutcome, at: string): Promise<boolean> {
    const valid = reclaimInput.outcome(outcome);
    const when = storeInput.iso(at, 'at');
    return this.ctx.dialect.write(this.ctx.db, async (trx) => {
      const row = await trx
        .updateTable('reclaimRemovals')
        .set(settledColumns(valid, when))
        .where('requestId', '=', requestId)
        .where('userId', '=', userId)
        .where('state', '=', 'intended')
        .returning(['skuId'])
        .executeTakeFirst();
      if (row === undefined) {
        return false;
      }
      await insertReclaimAudit(trx, {
        requestId,
        at: when,
        actor: HEADROOM,
        actorName: null,
        action: valid.state === 'done' ? 'removed' : 'removal-failed',
        userId,
        groupId: null,
        skuId: row.skuId,
        detail: valid.state === 'done' ? (valid.note ?? null) : `${valid.code}: ${valid.message}`,
      });
      return true;
    });
  }

  async recordReprocessIntents(source: string, skuId: string, targets: readonly ReprocessTarget[], at: string): Promise<void> {
    const from = storeInput.text(source, 'source');
    const sku = storeInput.text(skuId, 'skuId').toLowerCase();
    const when = storeInput.iso(at, 'at');
    const valid = reclaimInput.targets(targets);
    await this.ctx.dialect.write(this.ctx.db, async (trx) => {
      for (const target of valid) {
        await trx
          .insertInto('reclaimReprocesses')
          .values({ source: from, groupId: target.groupId, groupName: target.groupName, skuId: sku, state: 'intended', intendedAt: when, attemptedAt: null, settledAt: null, errorCode: null, errorMessage: null })
          .onConflict((oc) => oc.columns(['source', 'groupId']).doNothing())
          .execute();
      }
    });
  }

  async listReprocessIntents(options: { source: string } | { unfinished: true }): Promise<ReprocessIntent[]> {
    let query = this.ctx.db.selectFrom('reclaimReprocesses').selectAll();
    query = 'source' in options ? query.where('source', '=', options.source) : query.where('state', '=', 'intended');
    return query.orderBy('intendedAt').orderBy('source').orderBy('groupId').execute();
  }

  async markReprocessAttempted(source: string, groupId: string, at: string): Promise<boolean> {
    const result = await this.ctx.db
      .updateTable('reclaimReprocesses')
      .set({ attemptedAt: storeInput.iso(at, 'at') })
      .where('source', '=', source)
      .where('groupId', '=', groupId)
      .where('state', '=', 'intended')
      .where('attemptedAt', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async settleReprocess(source: string, groupId: string, outcome: IntentOutcome, at: string): Promise<boolean> {
    const valid = reclaimInput.outcome(outcome);
    const when = storeInput.iso(at, 'at');
    return this.ctx.dialect.write(this.ctx.db, async (trx) => {
      const row = await trx
        .updateTable('reclaimReprocesses')
        .set(settledColumns(valid, when))
        .where('source', '=', source)
        .where('groupId', '=', groupId)
        .where('state', '=', 'intended')
        .returning(['skuId'])
        .executeTakeFirst();
      if (row === undefined) {
        return false;
      }
      await insertReclaimAudit(trx, {
        requestId: requestIdOf(source),
        at: when,
        actor: HEADROOM,
        actorName: null,
        action: valid.state === 'done' ? 'reprocessed' : 'reprocess-failed',
        userId: null,
        groupId,
        skuId: row.skuId,
        detail: valid.state === 'done' ? source : `${source} ${valid.code}: ${valid.message}`,
      });
      return true;
    });
  }

  async listReclaimAudit(requestId: string): Promise<ReclaimAuditEntry[]> {
    return this.ctx.db.selectFrom('reclaimAudit').selectAll().where('requestId', '=', requestId).orderBy('id').execute();
  }
}
