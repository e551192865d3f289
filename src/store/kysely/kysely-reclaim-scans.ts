import { ValidationError } from '../../errors';
import type { ReclaimCandidate, ReclaimScan } from '../../reclaim/reclaim-scan';
import type { ReclaimScanStore } from '../../reclaim/reclaim-scan-store';
import type { ReclaimCandidatesTable } from '../database';
import { storeInput } from '../store-input';
import type { StoreContext } from './store-context';

/** Scans kept: the latest, and a couple before it for comparison and in case the latest is being read. */
const KEPT_SCANS = 3;
/** Rows per INSERT: well under both databases' limits on bound parameters. */
const CHUNK = 500;
const REASONS = new Set(['disabled', 'inactive']);
const UNKNOWN_REASONS = new Set(['permission', 'premium-license', 'read-failed']);

/** Reclaim scans and their candidates, on either database. */
export class KyselyReclaimScans implements ReclaimScanStore {
  constructor(private readonly ctx: StoreContext) {}

  async saveReclaimScan(scan: ReclaimScan): Promise<void> {
    const asOf = storeInput.iso(scan.asOf, 'asOf');
    const inactiveDays = storeInput.positiveInteger(scan.inactiveDays, 'inactiveDays');
    if (scan.inactiveUnknown !== null && !UNKNOWN_REASONS.has(scan.inactiveUnknown.reason)) {
      throw new ValidationError(`inactiveUnknown.reason must be permission, premium-license or read-failed, not ${scan.inactiveUnknown.reason}`);
    }
    const rows = scan.candidates.map((candidate, position) => candidateRow(candidate, position));
    await this.ctx.dialect.write(this.ctx.db, async (trx) => {
      const inserted = await trx
        .insertInto('reclaimScans')
        .values({
          asOf,
          inactiveDays,
          inactiveUnknownReason: scan.inactiveUnknown?.reason ?? null,
          inactiveUnknownDetail: scan.inactiveUnknown?.detail ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const scanId = Number(inserted.id);
      for (let start = 0; start < rows.length; start += CHUNK) {
        await trx
          .insertInto('reclaimCandidates')
          .values(rows.slice(start, start + CHUNK).map((row) => ({ ...row, scanId })))
          .execute();
      }
      const stale = await trx.selectFrom('reclaimScans').select('id').orderBy('id', 'desc').offset(KEPT_SCANS).limit(1000).execute();
      const staleIds = stale.map((row) => Number(row.id));
      if (staleIds.length > 0) {
        // Explicit: SQLite enforces ON DELETE CASCADE only with foreign keys switched on.
        await trx.deleteFrom('reclaimCandidates').where('scanId', 'in', staleIds).execute();
        await trx.deleteFrom('reclaimScans').where('id', 'in', staleIds).execute();
      }
    });
  }

  async latestReclaimScan(): Promise<ReclaimScan | null> {
    const scan = await this.ctx.db.selectFrom('reclaimScans').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst();
    if (scan === undefined) {
      return null;
    }
    const rows = await this.ctx.db.selectFrom('reclaimCandidates').selectAll().where('scanId', '=', Number(scan.id)).orderBy('position').execute();
    return {
      asOf: storeInput.iso(scan.asOf, 'asOf'),
      inactiveDays: scan.inactiveDays,
      inactiveUnknown:
        scan.inactiveUnknownReason === null ? null : { reason: scan.inactiveUnknownReason, detail: scan.inactiveUnknownDetail ?? '' },
      candidates: rows.map(toCandidate),
    };
  }
}

function candidateRow(candidate: ReclaimCandidate, position: number): Omit<ReclaimCandidatesTable, 'scanId'> {
  if (!REASONS.has(candidate.reason)) {
    throw new ValidationError(`candidate reason must be disabled or inactive, not ${String(candidate.reason)}`);
  }
  for (const field of ['userId', 'userPrincipalName', 'displayName', 'skuId'] as const) {
    if (typeof candidate[field] !== 'string' || candidate[field] === '') {
      throw new ValidationError(`candidate ${field} must be non-empty text`);
    }
  }
  const group = candidate.assignedBy === 'direct' ? null : candidate.assignedBy;
  return {
    position,
    userId: candidate.userId,
    userPrincipalName: candidate.userPrincipalName,
    displayName: candidate.displayName,
    skuId: candidate.skuId,
    reason: candidate.reason,
    lastSignIn: candidate.lastSignIn === null ? null : storeInput.iso(candidate.lastSignIn, 'lastSignIn'),
    assignedGroupId: group === null ? null : group.groupId,
    assignedGroupName: group === null ? null : group.displayName,
  };
}

function toCandidate(row: ReclaimCandidatesTable): ReclaimCandidate {
  return {
    userId: row.userId,
    userPrincipalName: row.userPrincipalName,
    displayName: row.displayName,
    skuId: row.skuId,
    reason: row.reason,
    lastSignIn: row.lastSignIn === null ? null : storeInput.iso(row.lastSignIn, 'lastSignIn'),
    assignedBy: row.assignedGroupId === null ? 'direct' : { groupId: row.assignedGroupId, displayName: row.assignedGroupName },
  };
}
