import type { Request, Response } from 'restify';
import type { LicenseService } from '../licenses/license-service';
import { sendJson } from './send-json';

/** `GET /api/v1/licenses`: every SKU with the figures ARCHITECTURE.md defines, for automation. */
export function licensesRoute(licenses: LicenseService) {
  return async (_req: Request, res: Response): Promise<void> => {
    const served = await licenses.figures();
    const problems = served.snapshot.problems ?? [];
    const waitingUnknown = problems.some((problem) => problem.unknown === 'waiting');
    sendJson(res, 200, {
      asOf: served.snapshot.takenAt,
      stale: served.stale,
      tenant: served.snapshot.tenant,
      skus: served.figures.map((sku) => ({
        skuId: sku.skuId,
        skuPartNumber: sku.skuPartNumber,
        displayName: sku.displayName,
        purchased: sku.purchased,
        expiring: sku.expiring,
        suspended: sku.suspended,
        lockedOut: sku.lockedOut,
        assigned: sku.assigned,
        available: sku.available,
        waiting: waitingUnknown ? null : sku.waiting,
        shortfall: waitingUnknown ? null : sku.shortfall,
        held: sku.held,
        hidden: sku.hidden,
      })),
      problems: problems.map((problem) => ({ permission: problem.permission, effect: problem.effect })),
    });
  };
}
