import type { Request, Response } from 'restify';
import { NotFoundError, ValidationError } from '../errors';
import type { LicenseService } from '../licenses/license-service';
import type { Store } from '../store/store';
import { sendJson } from './send-json';

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_DAYS = 400;

/**
 * `GET /api/v1/history?sku=<id or part number>&days=<1..400>` (days defaults to 90): the stored figures
 * of one SKU, oldest first. History keeps a point only when a figure changed, so each point's figures
 * hold until the next one.
 */
export function historyRoute(deps: { licenses: Pick<LicenseService, 'figures'>; store: Pick<Store, 'listHistory'>; now: () => Date }) {
  return async (req: Request, res: Response): Promise<void> => {
    const query = new URL(req.url ?? '/', 'http://headroom.invalid').searchParams;
    const sku = query.get('sku')?.trim() ?? '';
    if (sku === '') {
      throw new ValidationError('Say which SKU: ?sku=<skuId or skuPartNumber>, for example ?sku=SPE_E3.');
    }
    const daysText = query.get('days')?.trim() ?? '90';
    const days = /^\d{1,3}$/.test(daysText) ? Number(daysText) : Number.NaN;
    if (!(days >= 1 && days <= MAX_DAYS)) {
      throw new ValidationError(`days must be a whole number from 1 to ${MAX_DAYS}; got ${JSON.stringify(daysText.slice(0, 20))}.`);
    }
    const served = await deps.licenses.figures();
    const wanted = sku.toLowerCase();
    const match = served.figures.find((figures) => figures.skuId.toLowerCase() === wanted || figures.skuPartNumber.toLowerCase() === wanted);
    if (match === undefined) {
      throw new NotFoundError(`No subscribed SKU has the id or part number ${JSON.stringify(sku.slice(0, 80))}.`);
    }
    const since = new Date(deps.now().getTime() - days * DAY_MS).toISOString();
    const rows = await deps.store.listHistory(match.skuId, since);
    sendJson(res, 200, {
      skuId: match.skuId,
      skuPartNumber: match.skuPartNumber,
      points: rows.map((row) => ({ at: row.takenAt, purchased: row.purchased, assigned: row.assigned, available: row.available, waiting: row.waiting })),
    });
  };
}
