import type { Response } from 'restify';

/** Sends a JSON body with a status; API errors always have the shape `{ "error": "<what is wrong>" }`. */
export function sendJson(res: Response, status: number, body: unknown): void {
  res.status(status);
  res.header('content-type', 'application/json; charset=utf-8');
  res.header('cache-control', 'no-store');
  res.end(JSON.stringify(body));
}

export function sendError(res: Response, status: number, error: string, extra: Record<string, unknown> = {}): void {
  sendJson(res, status, { error, ...extra });
}
