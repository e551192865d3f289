import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createContosoTenant } from './contoso-tenant';
import { routeControlRequest } from './control-router';
import type { DemoTenant } from './demo-tenant';
import { DemoPermissionGrants, type GrantedPermissions } from './demo-permission-grants';
import { DemoTokenVerifier, type DemoTokenSettings } from './demo-token-verifier';
import { FaultInjector } from './fault-injector';
import { createGraphErrorResponse } from './graph-error-response';
import type { GraphResponse } from './graph-exchange';
import { routeGraphRequest, type GraphRouterContext } from './graph-router';
import { RequestStats } from './request-stats';

export interface DemoGraphServerOptions {
  /** Default: createContosoTenant(). */
  tenant?: DemoTenant;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0 (random). */
  port?: number;
  /** Simulated latency added once to every HTTP request (a `$batch` is one), in ms. Default 0. */
  latencyMs?: number;
  /** Mount the test/demo control endpoints under `/_demo`. Default false. */
  enableControl?: boolean;
  /**
   * Verify bearer tokens (signature, audience, tenant, lifetime) and require one on every request.
   * Without it, a token's `roles` are read unverified and token-less calls get the control grants.
   */
  tokens?: DemoTokenSettings;
  /** Serve HTTPS with this key and certificate (PEM) instead of HTTP. */
  tls?: { key: string; cert: string };
}

/** A running Graph-compatible server over a demo tenant. */
export interface DemoGraphServer {
  /** Root URL, e.g. `http://127.0.0.1:41234` (no `/v1.0`). */
  baseUrl: string;
  /** Live, mutable model: changes show in the next response. */
  tenant: DemoTenant;
  faults: FaultInjector;
  stats: RequestStats;
  /** Application permissions of token-less callers (default: everything). */
  grants: DemoPermissionGrants;
  setLatency(ms: number): void;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 4 * 1024 * 1024;

/**
 * Starts a Graph-compatible HTTP server (v1.0 subset Headroom uses) over a demo tenant. Every request,
 * and every part of a `$batch`, is checked against the demo's transcription of Microsoft's
 * permission tables: the caller's permissions are its token's `roles`, or for token-less calls what
 * `POST /_demo/permissions` granted (everything by default).
 */
export async function startDemoGraphServer(options: DemoGraphServerOptions = {}): Promise<DemoGraphServer> {
  const tenant = options.tenant ?? createContosoTenant();
  const faults = new FaultInjector();
  const stats = new RequestStats();
  const grants = new DemoPermissionGrants();
  const verifier = new DemoTokenVerifier(options.tokens ?? null);
  const enableControl = options.enableControl ?? false;
  let latencyMs = validLatency(options.latencyMs ?? 0);
  const context: GraphRouterContext & { grants: DemoPermissionGrants } = { tenant, faults, stats, grants, baseUrl: '' };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = req.url ?? '/';
    const method = req.method ?? 'GET';
    const headers = flattenHeaders(req);
    const raw = await readBody(req);
    if (url === '/_demo' || url.startsWith('/_demo/') || url.startsWith('/_demo?')) {
      if (!enableControl) {
        send(res, createGraphErrorResponse(404, 'Request_ResourceNotFound', 'Control endpoints are disabled.', undefined));
        return;
      }
      const body = parseJson(raw);
      send(res, body.ok ? routeControlRequest(context, method, url, body.value) : badJson(headers));
      return;
    }
    stats.recordHttp(headers);
    if (latencyMs > 0) {
      await delay(latencyMs);
    }
    const authorization = headers['authorization'];
    let granted: GrantedPermissions = grants.granted;
    if (authorization !== undefined) {
      const check = verifier.check(authorization);
      if (!check.ok) {
        send(res, createGraphErrorResponse(401, 'InvalidAuthenticationToken', check.message, headers['client-request-id']));
        return;
      }
      granted = { kind: 'only', permissions: new Set(check.roles) };
    } else if (verifier.required) {
      send(res, createGraphErrorResponse(401, 'InvalidAuthenticationToken', 'Access token is empty.', headers['client-request-id']));
      return;
    }
    const body = parseJson(raw);
    if (!body.ok) {
      send(res, badJson(headers));
      return;
    }
    send(res, routeGraphRequest(context, { method, url, headers, body: body.value, insideBatch: false, granted }));
  };

  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      if (!res.headersSent) {
        send(res, createGraphErrorResponse(500, 'InternalServerError', `Demo tenant failure: ${message}`, undefined));
      } else {
        res.destroy();
      }
    });
  };
  const server: Server = options.tls === undefined ? createServer(listener) : createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, listener);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  context.baseUrl = `${options.tls === undefined ? 'http' : 'https'}://${hostForUrl}:${address.port}`;

  let closing: Promise<void> | undefined;
  return {
    baseUrl: context.baseUrl,
    tenant,
    faults,
    stats,
    grants,
    setLatency(ms: number): void {
      latencyMs = validLatency(ms);
    },
    close(): Promise<void> {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

function send(res: ServerResponse, response: GraphResponse): void {
  const payload = JSON.stringify(response.body);
  res.writeHead(response.status, { ...response.headers, 'content-length': Buffer.byteLength(payload) });
  res.end(payload);
}

function badJson(headers: Record<string, string>): GraphResponse {
  return createGraphErrorResponse(400, 'BadRequest', 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.', headers['client-request-id']);
}

type ParsedBody = { ok: true; value: unknown } | { ok: false };

function parseJson(raw: string): ParsedBody {
  if (raw.trim() === '') {
    return { ok: true, value: undefined };
  }
  try {
    return { ok: true, value: JSON.parse(raw) as unknown };
  } catch {
    return { ok: false };
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) {
      throw new RangeError('Request body too large');
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) {
      out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
  }
  return out;
}

function validLatency(ms: number): number {
  if (!Number.isFinite(ms) || ms < 0) {
    throw new RangeError(`latencyMs must be zero or more, got ${ms}`);
  }
  return ms;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
