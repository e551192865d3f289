import type { Request, Response } from 'restify';
import type { LicenseService } from '../licenses/license-service';
import type { SkuFigures } from '../licenses/sku-figures';
import { licenseBreakdownsOf } from './license-breakdowns';
import { licenseRowOf } from './license-row';
import { prefersCsv } from './prefers-csv';
import { reclaimableColumnsOf, reclaimableJsonOf } from './reclaimable-fields';
import { sendJson } from './send-json';
import { toCsv } from './to-csv';

/**
 * `GET /api/v1/licenses`: every SKU with the figures ARCHITECTURE.md defines, for automation; as CSV
 * (one row per SKU, the JSON field names as the header) with `Accept: text/csv` or `format: 'csv'`
 * (the `/licenses.csv` route).
 */
export function licensesRoute(licenses: LicenseService, options: { format?: 'csv' } = {}) {
  return async (req: Request, res: Response): Promise<void> => {
    const served = await licenses.figures();
    const problems = served.snapshot.problems ?? [];
    const rows = served.figures.map((sku) => licenseRowOf(sku));
    if (options.format === 'csv' || prefersCsv(req.header('accept'))) {
      const csvRows = served.figures.map((sku, index) => ({ ...rows[index], ...reclaimableColumnsOf(sku) }));
      const columns = Object.keys(csvRows[0] ?? licenseRowOfColumnsOnly());
      res.status(200);
      res.header('content-type', 'text/csv; charset=utf-8; header=present');
      res.header('content-disposition', 'attachment; filename="licenses.csv"');
      res.header('cache-control', 'no-store');
      res.header('x-headroom-as-of', served.snapshot.takenAt);
      // The byte order mark tells Excel the file is UTF-8, so product names keep their accents.
      res.end(`\uFEFF${toCsv(columns, csvRows)}`);
      return;
    }
    sendJson(res, 200, {
      asOf: served.snapshot.takenAt,
      stale: served.stale,
      tenant: served.snapshot.tenant,
      // The breakdowns are lists, so only JSON carries them; the CSV keeps one scalar cell per field.
      skus: served.figures.map((sku, index) => ({ ...rows[index], ...licenseBreakdownsOf(sku), reclaimable: reclaimableJsonOf(sku) })),
      problems: problems.map((problem) => ({ permission: problem.permission, effect: problem.effect })),
    });
  };
}

/** The column names when the tenant has no SKUs at all. */
function licenseRowOfColumnsOnly(): Record<string, null> {
  const empty: SkuFigures = {
    skuId: '', skuPartNumber: '', displayName: '', purchased: 0, expiring: 0, suspended: 0, lockedOut: 0, assigned: 0,
    available: 0, waiting: 0, shortfall: 0, held: 0, reclaimable: null, hidden: false, hiddenReason: null, waitingGroups: [],
    status: '', overAssigned: 0, onExpiringSeats: 0, gracePeriodEndsAt: null, lostService: 0, blocked: 0, blockedBy: [], otherErrors: [],
  };
  return Object.fromEntries(Object.keys({ ...licenseRowOf(empty), ...reclaimableColumnsOf(empty) }).map((key) => [key, null]));
}
