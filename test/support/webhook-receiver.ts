import { createServer, type Server } from 'node:http';
import { closeNow, listenOnLoopback } from './loopback-server';

/** One request the receiver got. */
export interface ReceivedWebhook {
  headers: Record<string, string | string[] | undefined>;
  /** The raw body, exactly as sent. */
  body: string;
  /** The status the receiver answered. */
  status: number;
}

/**
 * A stand-in for a procurement system: records every POST with its raw body and answers the statuses
 * queued with `answerNext` (then 200).
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private readonly queued: number[] = [];
  private server: Server | null = null;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const status = this.queued.shift() ?? 200;
        this.received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), status });
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(status < 300 ? '{"ok":true}' : '{"error":"not now"}');
      });
    });
    this.url = `${await listenOnLoopback(this.server)}/procurement/reservations`;
    return this;
  }

  /** The next requests are answered with these statuses, in order. */
  answerNext(...statuses: number[]): void {
    this.queued.push(...statuses);
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    await closeNow(server);
  }
}
