import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { closeNow, listenOnLoopback } from './loopback-server';

/** One call the bot made to the Bot Framework connector. */
export interface ConnectorCall {
  method: string;
  path: string;
  conversationId: string;
  /** The activity id in the path: the replied-to id for POST, the updated id for PUT. */
  activityId: string | null;
  body: Record<string, unknown>;
  /** The id this connector gave a posted activity. */
  assignedId: string | null;
}

interface Fault {
  status: number;
  retryAfterSeconds?: number;
  remaining: number;
}

/**
 * A stand-in for the Bot Framework connector service (the `serviceUrl` of an activity). It accepts the
 * calls botbuilder makes to send, reply to and update activities and to create conversations, and
 * records them so tests can read what the bot said.
 */
export class LocalConnector {
  readonly calls: ConnectorCall[] = [];
  private server: Server | null = null;
  private faults: Fault[] = [];
  private nextId = 1;
  private waiters: (() => void)[] = [];
  /** Entra object ids of the users the conversation-members lookup knows. */
  readonly members = new Set<string>();
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req, res);
    });
    this.url = `${await listenOnLoopback(this.server)}/`;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    await closeNow(server);
  }

  /** The next `times` calls answer `status` instead of being accepted (and are not recorded as sent). */
  failNext(status: number, options: { times?: number; retryAfterSeconds?: number } = {}): void {
    this.faults.push({ status, retryAfterSeconds: options.retryAfterSeconds, remaining: options.times ?? 1 });
  }

  /** Calls that delivered a new activity (not updates), in order. */
  sent(): ConnectorCall[] {
    return this.calls.filter((call) => call.method === 'POST' && call.assignedId !== null);
  }

  updates(): ConnectorCall[] {
    return this.calls.filter((call) => call.method === 'PUT');
  }

  clear(): void {
    this.calls.length = 0;
  }

  /** Resolves once `predicate` holds for the recorded calls; rejects after `timeoutMs`. */
  async waitFor(predicate: (calls: ConnectorCall[]) => boolean, timeoutMs = 5000): Promise<ConnectorCall[]> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.calls)) {
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(`LocalConnector.waitFor timed out; calls so far: ${JSON.stringify(this.calls.map((c) => c.path))}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.calls;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) {
      chunks.push(chunk as Buffer);
    }
    const text = Buffer.concat(chunks).toString('utf8');
    const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const method = req.method ?? 'GET';
    const fault = this.faults[0];
    if (fault) {
      fault.remaining -= 1;
      if (fault.remaining <= 0) {
        this.faults.shift();
      }
      this.record({ method, path, conversationId: '', activityId: null, body, assignedId: null });
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (fault.retryAfterSeconds !== undefined) {
        headers['retry-after'] = String(fault.retryAfterSeconds);
      }
      res.writeHead(fault.status, headers);
      res.end(JSON.stringify({ error: { code: 'Injected', message: `injected ${fault.status}` } }));
      return;
    }
    const member = /^\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/.exec(path);
    if (member && method === 'GET') {
      // Teams answers with the user's MRI for an Entra object id; unknown users are 404.
      const userId = decodeURIComponent(member[2] ?? '');
      if (!this.members.has(userId)) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'MemberNotFoundInConversation', message: userId } }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `29:mri-${userId}`, aadObjectId: userId, name: 'Member' }));
      return;
    }
    const match = /^\/v3\/conversations(?:\/([^/]+)\/activities(?:\/([^/]+))?)?\/?$/.exec(path);
    if (!match) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'NotFound', message: path } }));
      return;
    }
    const conversationId = match[1] ? decodeURIComponent(match[1]) : null;
    const activityId = match[2] ? decodeURIComponent(match[2]) : null;
    if (conversationId === null) {
      const id = `conv-${this.nextId++}`;
      const activityIdCreated = `act-${this.nextId++}`;
      this.record({ method, path, conversationId: id, activityId: null, body, assignedId: activityIdCreated });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id, activityId: activityIdCreated }));
      return;
    }
    const assignedId = method === 'POST' ? `act-${this.nextId++}` : null;
    this.record({ method, path, conversationId, activityId, body, assignedId });
    res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: assignedId ?? activityId }));
  }

  private record(call: ConnectorCall): void {
    this.calls.push(call);
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) {
      wake();
    }
  }
}
