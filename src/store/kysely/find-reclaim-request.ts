import type { Kysely, Selectable } from 'kysely';
import { NotFoundError } from '../../errors';
import type { ReclaimRequest } from '../../reclaim/reclaim-request';
import type { Database, ReclaimRequestsTable } from '../database';
import type { StoreDialect } from '../store-dialect';

/** A stored row as the port's record: the execution claim stays inside the store. */
export function toReclaimRequest(row: Selectable<ReclaimRequestsTable>): ReclaimRequest {
  return {
    id: row.id,
    skuId: row.skuId,
    skuPartNumber: row.skuPartNumber,
    displayName: row.displayName,
    status: row.status,
    scanAsOf: row.scanAsOf,
    seats: row.seats,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    decidedBy: row.decidedBy,
    decidedByName: row.decidedByName,
    decidedAt: row.decidedAt,
    cardActivities: row.cardActivities,
    version: row.version,
  };
}

/** The request with `id`, or a `NotFoundError`; with `lock`, inside a write, the row stays locked until commit. */
export async function findReclaimRequest(trx: Kysely<Database>, id: string, lock?: StoreDialect): Promise<ReclaimRequest> {
  const query = trx.selectFrom('reclaimRequests').selectAll().where('id', '=', id);
  const row = await (lock === undefined ? query : lock.lockRows(query)).executeTakeFirst();
  if (row === undefined) {
    throw new NotFoundError(`No reclaim request ${id}`);
  }
  return toReclaimRequest(row);
}
