import restify, { type Request, type Response, type Server } from 'restify';
import type { ApiRoute } from './api/api-route';
import { matchesBearerKey } from './api/bearer-key';
import { sendError, sendJson } from './api/send-json';
import { statusForError } from './api/status-for-error';
import type { Logger } from './logger';

export interface ServerDependencies {
  logger: Logger;
  /** Hands a POST /api/messages request to the bot framework adapter. */
  processMessage: (req: Request, res: Response) => Promise<void>;
  /** The body of GET /healthz. */
  health: () => Record<string, unknown>;
  /** With no key the whole /api/v1 surface answers 404. */
  apiKey: string | null;
  apiRoutes: readonly ApiRoute[];
}

/** The HTTP surface: the bot endpoint, the health probe and the automation API. */
export function createServer(deps: ServerDependencies): Server {
  const server = restify.createServer({ name: 'headroom', handleUncaughtExceptions: false });
  server.server.headersTimeout = 30_000;
  server.server.requestTimeout = 60_000;

  server.post('/api/messages', restify.plugins.bodyParser({ maxBodySize: 1024 * 1024, mapParams: false, rejectUnknown: true }), async (req: Request, res: Response) => {
    await deps.processMessage(req, res);
  });

  server.get('/healthz', async (_req: Request, res: Response) => {
    sendJson(res, 200, deps.health());
  });

  for (const route of deps.apiRoutes) {
    server[route.method](`/api/v1${route.path}`, async (req: Request, res: Response) => {
      if (!deps.apiKey) {
        sendError(res, 404, 'Not found. The API is off: set HEADROOM_API_KEY to turn it on.');
        return;
      }
      if (!matchesBearerKey(req.header('authorization'), deps.apiKey)) {
        res.header('www-authenticate', 'Bearer realm="headroom"');
        sendError(res, 401, 'Missing or wrong API key. Send "Authorization: Bearer <HEADROOM_API_KEY>".');
        return;
      }
      try {
        await route.handler(req, res);
      } catch (error) {
        const status = statusForError(error);
        if (status === null) {
          deps.logger.error('API request failed', { error, path: req.path() });
          sendError(res, 500, 'Internal error. The details are in Headroom\'s log.');
          return;
        }
        sendError(res, status, (error as Error).message);
      }
    });
  }

  server.on('NotFound', (req: Request, res: Response) => {
    sendError(res, 404, `Not found: ${req.method ?? 'GET'} ${req.path()}`);
  });
  server.on('MethodNotAllowed', (req: Request, res: Response) => {
    sendError(res, 405, `Method not allowed: ${req.method ?? 'GET'} ${req.path()}`);
  });
  return server;
}
