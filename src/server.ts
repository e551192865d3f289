import restify, { type Request, type Response, type Server } from 'restify';
import type { ApiRoute } from './api/api-route';
import { matchesBearerKey } from './api/bearer-key';
import { sendError, sendJson } from './api/send-json';
import { statusForError } from './api/status-for-error';
import type { Logger } from './logger';
import type { RequestGate } from './shutdown/request-gate';

/**
 * The largest activity accepted on /api/messages: 256 KiB. Microsoft documents a Teams bot message as
 * at most about 100 KB counted as UTF-16 (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/format-your-bot-messages);
 * a user's message is smaller still (about 28 KB). 100 KB of UTF-16 is at most ~150 KB as UTF-8 JSON;
 * the rest is room for the activity's envelope (channelData, entities). Anything larger is answered
 * 413 before it is parsed.
 */
export const MAX_ACTIVITY_BODY_BYTES = 256 * 1024;

export interface ServerDependencies {
  logger: Logger;
  /** Hands a POST /api/messages request to the bot framework adapter. */
  processMessage: (req: Request, res: Response) => Promise<void>;
  /** The body of GET /healthz. */
  health: () => Record<string, unknown>;
  /** With no key the whole /api/v1 surface answers 404. */
  apiKey: string | null;
  apiRoutes: readonly ApiRoute[];
  /** Counts bot turns and API calls in flight; once closed they answer 503 and /healthz says draining. */
  gate?: RequestGate;
}

/** The HTTP surface: the bot endpoint, the health probe and the automation API. */
export function createServer(deps: ServerDependencies): Server {
  const server = restify.createServer({ name: 'headroom', handleUncaughtExceptions: false });
  server.server.headersTimeout = 30_000;
  server.server.requestTimeout = 60_000;
  if (deps.gate !== undefined) {
    admitThroughGate(server, deps.gate);
  }

  server.post('/api/messages', refuseDeclaredOversize, restify.plugins.bodyParser({ maxBodySize: MAX_ACTIVITY_BODY_BYTES, mapParams: false, rejectUnknown: true }), async (req: Request, res: Response) => {
    await deps.processMessage(req, res);
  });

  server.get('/healthz', async (_req: Request, res: Response) => {
    sendJson(res, deps.gate?.accepting === false ? 503 : 200, deps.health());
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

/**
 * Answers 413 with a JSON error, without reading the body, when Content-Length already says it is over
 * MAX_ACTIVITY_BODY_BYTES. A body without a Content-Length is cut off by the body parser at the same size.
 */
function refuseDeclaredOversize(req: Request, res: Response, next: (proceed?: boolean) => void): void {
  const declared = Number(req.header('content-length'));
  if (Number.isFinite(declared) && declared > MAX_ACTIVITY_BODY_BYTES) {
    res.header('connection', 'close');
    sendError(res, 413, `The activity is larger than ${MAX_ACTIVITY_BODY_BYTES / 1024} KiB, more than Teams sends for a message; it was not read.`);
    next(false);
    return;
  }
  next();
}

/** Turns (/api/messages) and API calls (/api/v1) pass the gate; while draining they get 503 and go elsewhere. */
function admitThroughGate(server: Server, gate: RequestGate): void {
  server.pre((req: Request, res: Response, next: (proceed?: boolean) => void) => {
    const path = req.path();
    if (path !== '/api/messages' && !path.startsWith('/api/v1/')) {
      next();
      return;
    }
    const leave = gate.enter();
    if (leave === null) {
      res.header('retry-after', '5');
      res.header('connection', 'close');
      sendError(res, 503, 'Headroom is shutting down on this instance; try again (another instance will answer).');
      next(false);
      return;
    }
    res.once('close', leave);
    next();
  });
}
