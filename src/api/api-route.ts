import type { Request, Response } from 'restify';

/** One authenticated route under /api/v1. Handlers throw Headroom errors; the server maps them. */
export interface ApiRoute {
  method: 'get' | 'post' | 'del';
  /** Path below /api/v1, e.g. `/licenses` or `/holds/:id`. */
  path: string;
  handler: (req: Request, res: Response) => Promise<void>;
}
