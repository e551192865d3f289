import type { Request, Response } from 'restify';
import { NotFoundError, UnavailableError, ValidationError } from '../errors';
import type { LicenseService } from '../licenses/license-service';
import type { SkuFigures } from '../licenses/sku-figures';
import type { ReclaimCandidate, ReclaimScan } from '../reclaim/reclaim-scan';
import type { ReclaimScanStore } from '../reclaim/reclaim-scan-store';
import { sendJson } from './send-json';

/** One candidate as `GET /api/v1/reclaim` returns it. */
export interface ApiReclaimCandidate {
  userId: string;
  userPrincipalName: string;
  displayName: string;
  skuId: string;
  /** From the current snapshot; null when the tenant no longer has the SKU. */
  skuPartNumber: string | null;
  reason: 'disabled' | 'inactive';
  lastSignIn: string | null;
  assignedBy: 'direct' | { groupId: string; displayName: string | null };
}

/** The body of `GET /api/v1/reclaim`. */
export interface ApiReclaim {
  asOf: string;
  inactiveDays: number;
  /** Null when inactive accounts were read; otherwise why they are unknown (the list then has no inactive candidates). */
  inactiveUnknown: ReclaimScan['inactiveUnknown'];
  candidates: ApiReclaimCandidate[];
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Part numbers are letters, digits, `_`, `-` and `.` (e.g. SPE_E3, POWER_BI_PRO). */
const PART_NUMBER = /^[A-Za-z0-9_.-]{1,100}$/;

/** The `sku` filter as given, or null without one; a malformed one is a ValidationError. */
function readSku(req: Request): string | null {
  const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
  const all = params.getAll('sku');
  if (all.length === 0) {
    return null;
  }
  const sku = all[0]?.trim() ?? '';
  if (all.length > 1 || !(GUID.test(sku) || PART_NUMBER.test(sku))) {
    throw new ValidationError('sku must be one SKU id (a GUID) or one part number such as SPE_E3.');
  }
  return sku;
}

function findSku(sku: string, figures: readonly SkuFigures[]): SkuFigures {
  const wanted = sku.toLowerCase();
  const found = figures.find((entry) => entry.skuId.toLowerCase() === wanted || entry.skuPartNumber.toLowerCase() === wanted);
  if (found === undefined) {
    throw new NotFoundError(`No SKU with id or part number "${sku}" in this tenant. GET /api/v1/licenses lists them.`);
  }
  return found;
}

function candidateOf(candidate: ReclaimCandidate, partNumbers: ReadonlyMap<string, string>): ApiReclaimCandidate {
  return {
    userId: candidate.userId,
    userPrincipalName: candidate.userPrincipalName,
    displayName: candidate.displayName,
    skuId: candidate.skuId,
    skuPartNumber: partNumbers.get(candidate.skuId) ?? null,
    reason: candidate.reason,
    lastSignIn: candidate.lastSignIn,
    assignedBy: candidate.assignedBy === 'direct' ? 'direct' : { groupId: candidate.assignedBy.groupId, displayName: candidate.assignedBy.displayName },
  };
}

/**
 * `GET /api/v1/reclaim[?sku=<id or part number>]`: the candidates of the latest reclaim scan (seats
 * on disabled and inactive accounts), optionally for one SKU. 400 for a malformed `sku`, 404 for one the
 * tenant does not have, 503 before the first scan (an empty list would read as "nothing to reclaim").
 */
export function reclaimRoute(deps: { scans: Pick<ReclaimScanStore, 'latestReclaimScan'>; licenses: Pick<LicenseService, 'figures'> }) {
  return async (req: Request, res: Response): Promise<void> => {
    const sku = readSku(req);
    const figures = (await deps.licenses.figures()).figures;
    const only = sku === null ? null : findSku(sku, figures).skuId;
    const scan = await deps.scans.latestReclaimScan();
    if (scan === null) {
      throw new UnavailableError('No reclaim scan has finished yet, so seats on disabled and inactive accounts are unknown. Scans run every RECLAIM_SCAN_HOURS hours on the watcher\'s leader; try again later.');
    }
    const partNumbers = new Map(figures.map((entry) => [entry.skuId, entry.skuPartNumber]));
    const body: ApiReclaim = {
      asOf: scan.asOf,
      inactiveDays: scan.inactiveDays,
      inactiveUnknown: scan.inactiveUnknown === null ? null : { reason: scan.inactiveUnknown.reason, detail: scan.inactiveUnknown.detail },
      candidates: scan.candidates.filter((candidate) => only === null || candidate.skuId === only).map((candidate) => candidateOf(candidate, partNumbers)),
    };
    sendJson(res, 200, body);
  };
}
