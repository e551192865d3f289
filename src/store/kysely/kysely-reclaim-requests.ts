import { randomUUID } from 'node:crypto';
import type { ReclaimSeat, ReclaimChangeResult, ReclaimDecision, ReclaimRequest, ReclaimRequestStatus, ReclaimUpsertResult, NewReclaimRequest } from '../../reclaim/reclaim-request';
import { reclaimInput } from '../reclaim-input';
import type { StoreParts } from '../store-parts';
import { storeInput } from '../store-input';
import { uniqueConflict } from '../unique-conflict';
import { findReclaimRequest, toReclaimRequest } from './find-reclaim-request';
import { insertReclaimAudit } from './insert-reclaim-audit';
import type { StoreContext } from './store-context';

type RequestPart = StoreParts['reclaimRequests'];

const HEADROOM = 'headroom';

/** The seats as text with a fixed key order (PostgreSQL's jsonb does not keep the order they were written in). */
function canonicalSeats(seats: readonly ReclaimSeat[]): string {
  return JSON.stringify(
    seats.map((s) => [s.userId, s.userPrincipalName, s.displayName, s.lastSignIn, s.assignedBy === 'direct' ? 'direct' : [s.assignedBy.groupId, s.assignedBy.displayName]]),
  );
}

/**
 * Reclaim requests and their conditional changes. Each change reads the row locked, decides and writes
 * in one transaction with its audit row, so of two racing changes the second sees the first's outcome.
 */
export class KyselyReclaimRequests implements RequestPart {
  constructor(private readonly ctx: StoreContext) {}

  async upsertReclaimRequest(input: NewReclaimRequest): Promise<ReclaimUpsertResult> {
    const valid = reclaimInput.request(input);
    const now = this.ctx.now();
    const seats = JSON.stringify(valid.seats);
    return this.ctx.dialect.write(this.ctx.db, async (trx): Promise<ReclaimUpsertResult> => {
      await this.ctx.dialect.serialise(trx, 'reclaim-request', valid.skuId);
      const active = await this.ctx.dialect
        .lockRows(trx.selectFrom('reclaimRequests').selectAll().where('skuId', '=', valid.skuId).where('status', 'in', ['open', 'approved']))
        .executeTakeFirst();
      if (active !== undefined && active.status === 'approved') {
        return { change: 'busy', request: toReclaimRequest(active) };
      }
      if (active !== undefined) {
        if (canonicalSeats(active.seats) === canonicalSeats(valid.seats) && active.displayName === valid.displayName) {
          return { change: 'unchanged', request: toReclaimRequest(active) };
        }
        const row = await trx
          .updateTable('reclaimRequests')
          .set((eb) => ({ seats, scanAsOf: valid.scanAsOf, displayName: valid.displayName, skuPartNumber: valid.skuPartNumber, updatedAt: now, version: eb('version', '+', 1) }))
          .where('id', '=', active.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        return { change: 'updated', request: toReclaimRequest(row) };
      }
      const id = randomUUID();
      let row;
      try {
        row = await trx
          .insertInto('reclaimRequests')
          .values({
            id,
            skuId: valid.skuId,
            skuPartNumber: valid.skuPartNumber,
            displayName: valid.displayName,
            status: 'open',
            scanAsOf: valid.scanAsOf,
            seats,
            createdAt: now,
            updatedAt: now,
            decidedBy: null,
            decidedByName: null,
            decidedAt: null,
            version: 1,
            executor: null,
            executorUntil: null,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
      } catch (error) {
        throw uniqueConflict(error, `An open reclaim request already exists for ${valid.skuId}`);
      }
      await insertReclaimAudit(trx, { requestId: id, at: now, actor: HEADROOM, actorName: null, action: 'created', userId: null, groupId: null, skuId: valid.skuId, detail: `${valid.seats.length} seat(s) on disabled accounts` });
      return { change: 'created', request: toReclaimRequest(row) };
    });
  }

  async getReclaimRequest(id: string): Promise<ReclaimRequest | null> {
    const row = await this.ctx.db.selectFrom('reclaimRequests').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? null : toReclaimRequest(row);
  }

  async listReclaimRequests(options: { statuses?: readonly ReclaimRequestStatus[]; skuId?: string; limit?: number } = {}): Promise<ReclaimRequest[]> {
    let query = this.ctx.db.selectFrom('reclaimRequests').selectAll();
    if (options.statuses !== undefined) {
      const statuses = reclaimInput.statuses(options.statuses);
      if (statuses.length === 0) {
        return [];
      }
      query = query.where('status', 'in', statuses);
    }
    if (options.skuId !== undefined) {
      query = query.where('skuId', '=', options.skuId.toLowerCase());
    }
    const rows = await query.orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(storeInput.limit(options.limit, 100)).execute();
    return rows.map(toReclaimRequest);
  }

  async decideReclaimRequest(id: string, decision: ReclaimDecision): Promise<ReclaimChangeResult> {
    const valid = reclaimInput.decision(decision);
    return this.ctx.dialect.write(this.ctx.db, async (trx): Promise<ReclaimChangeResult> => {
      const current = await findReclaimRequest(trx, id, this.ctx.dialect);
      if (current.status !== 'open') {
        return { ok: false, current };
      }
      const row = await trx
        .updateTable('reclaimRequests')
        .set((eb) => ({
          status: valid.to,
          updatedAt: valid.at,
          ...(valid.to === 'withdrawn' ? {} : { decidedBy: valid.actor, decidedByName: valid.actorName, decidedAt: valid.at }),
          version: eb('version', '+', 1),
        }))
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      const direct = valid.to === 'approved' ? current.seats.filter((seat) => seat.assignedBy === 'direct') : [];
      await insertReclaimAudit(trx, {
        requestId: id,
        at: valid.at,
        actor: valid.actor,
        actorName: valid.actorName,
        action: valid.to,
        userId: null,
        groupId: null,
        skuId: current.skuId,
        detail: valid.to === 'approved' ? `${direct.length} direct assignment(s) to remove` : null,
      });
      for (const seat of direct) {
        await trx
          .insertInto('reclaimRemovals')
          .values({
            requestId: id,
            userId: seat.userId,
            skuId: current.skuId,
            displayName: seat.displayName,
            userPrincipalName: seat.userPrincipalName,
            state: 'intended',
            intendedAt: valid.at,
            attemptedAt: null,
            settledAt: null,
            errorCode: null,
            errorMessage: null,
          })
          .execute();
      }
      return { ok: true, request: toReclaimRequest(row) };
    });
  }

  async finishReclaimRequest(id: string, at: string): Promise<ReclaimChangeResult> {
    const when = storeInput.iso(at, 'at');
    return this.ctx.dialect.write(this.ctx.db, async (trx): Promise<ReclaimChangeResult> => {
      const current = await findReclaimRequest(trx, id, this.ctx.dialect);
      const open = await trx.selectFrom('reclaimRemovals').select('userId').where('requestId', '=', id).where('state', '=', 'intended').executeTakeFirst();
      if (current.status !== 'approved' || open !== undefined) {
        return { ok: false, current };
      }
      const counts = await trx.selectFrom('reclaimRemovals').select(['state']).where('requestId', '=', id).execute();
      const done = counts.filter((c) => c.state === 'done').length;
      const row = await trx
        .updateTable('reclaimRequests')
        .set((eb) => ({ status: 'done', updatedAt: when, executor: null, executorUntil: null, version: eb('version', '+', 1) }))
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await insertReclaimAudit(trx, {
        requestId: id,
        at: when,
        actor: HEADROOM,
        actorName: null,
        action: 'done',
        userId: null,
        groupId: null,
        skuId: current.skuId,
        detail: `${done} removed, ${counts.length - done} failed`,
      });
      return { ok: true, request: toReclaimRequest(row) };
    });
  }

  async claimReclaimExecution(id: string, claimant: string, now: string, until: string): Promise<boolean> {
    const at = storeInput.iso(now, 'now');
    const end = storeInput.iso(until, 'until');
    const who = storeInput.text(claimant, 'claimant');
    const result = await this.ctx.db
      .updateTable('reclaimRequests')
      .set({ executor: who, executorUntil: end })
      .where('id', '=', id)
      .where('status', '=', 'approved')
      .where((eb) => eb.or([eb('executor', 'is', null), eb('executor', '=', who), eb('executorUntil', '<=', at)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async releaseReclaimExecution(id: string, claimant: string): Promise<void> {
    await this.ctx.db.updateTable('reclaimRequests').set({ executor: null, executorUntil: null }).where('id', '=', id).where('executor', '=', claimant).execute();
  }

  async listUnfinishedReclaimRequests(): Promise<ReclaimRequest[]> {
    const rows = await this.ctx.db.selectFrom('reclaimRequests').selectAll().where('status', '=', 'approved').orderBy('decidedAt').orderBy('id').execute();
    return rows.map(toReclaimRequest);
  }

  async setReclaimCardActivity(id: string, conversationId: string, activityId: string): Promise<void> {
    await this.ctx.dialect.write(this.ctx.db, async (trx) => {
      const current = await findReclaimRequest(trx, id, this.ctx.dialect);
      const activities = { ...current.cardActivities, [conversationId]: activityId };
      await trx.updateTable('reclaimRequests').set({ cardActivities: JSON.stringify(activities) }).where('id', '=', id).execute();
    });
  }
}
