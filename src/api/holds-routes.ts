import type { Request, Response } from 'restify';
import type { SeatHoldService } from '../holds/seat-hold-service';
import { NotFoundError } from '../errors';
import type { ApiRoute } from './api-route';
import { parseHoldOrder } from './parse-hold-order';
import { readJsonBody } from './read-json-body';
import { sendError, sendJson } from './send-json';

/** The shape of a hold id (a UUID, in any case). */
const HOLD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The largest hold request body read; a valid one is far smaller. */
export const MAX_HOLD_BODY_BYTES = 16 * 1024;

/**
 * `POST /holds` (take), `GET /holds` (list active) and `DELETE /holds/:id` (release) under /api/v1.
 * Bad input is refused before anything is read from Graph or written to the store.
 */
export function holdsRoutes(holds: SeatHoldService): ApiRoute[] {
  return [
    { method: 'post', path: '/holds', handler: (req, res) => takeHold(holds, req, res) },
    { method: 'get', path: '/holds', handler: (_req, res) => listHolds(holds, res) },
    { method: 'del', path: '/holds/:id', handler: (req, res) => releaseHold(holds, req, res) },
  ];
}

async function takeHold(holds: SeatHoldService, req: Request, res: Response): Promise<void> {
  const body = await readJsonBody(req, MAX_HOLD_BODY_BYTES);
  if (!body.ok) {
    if (body.status === 413) {
      // The rest of an oversized body is not read; closing keeps it from being parsed as a next request.
      res.header('connection', 'close');
    }
    sendError(res, body.status, body.error);
    return;
  }
  const order = parseHoldOrder(body.value);
  const outcome = await holds.takeHold(order);
  if (!outcome.ok) {
    const unheld = Math.max(0, outcome.available) - outcome.held;
    sendError(
      res,
      409,
      `Not enough unheld seats of ${outcome.sku}: asked for ${order.quantity}, ${Math.max(0, unheld)} unheld (${outcome.available} available, ${outcome.held} held). No hold was taken.`,
      { available: outcome.available, held: outcome.held },
    );
    return;
  }
  res.header('location', `/api/v1/holds/${encodeURIComponent(outcome.id)}`);
  sendJson(res, 201, {
    id: outcome.id,
    sku: outcome.sku,
    skuId: outcome.skuId,
    quantity: outcome.quantity,
    expiresAt: outcome.expiresAt,
    availableAfter: outcome.availableAfter,
  });
}

async function listHolds(holds: SeatHoldService, res: Response): Promise<void> {
  sendJson(res, 200, { holds: await holds.listActiveHolds() });
}

async function releaseHold(holds: SeatHoldService, req: Request, res: Response): Promise<void> {
  const params: unknown = req.params;
  const id = typeof params === 'object' && params !== null && 'id' in params && typeof params.id === 'string' ? params.id : '';
  if (!HOLD_ID.test(id)) {
    // Nothing that is not a hold id reaches the store: ids are UUIDs, as POST /holds returned them.
    throw new NotFoundError('No such hold: a hold id is the UUID that POST /api/v1/holds returned, such as 3f2b8c1e-5d4a-4e1b-9c7d-2a6e8f0b1c3d.');
  }
  await holds.releaseHold(id.toLowerCase());
  res.status(204);
  res.header('cache-control', 'no-store');
  res.end();
}
