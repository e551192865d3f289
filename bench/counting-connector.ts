import { createServer, type Server } from 'node:http';
import { closeNow, listenOnLoopback } from '../test/support/loopback-server';

/**
 * A minimal stand-in for the Bot Framework connector: accepts every reply a bot posts, counts the ones
 * that carry an Adaptive Card and keeps nothing else, so it stays cheap under load.
 */
export class CountingConnector {
  /** Replies that carried an Adaptive Card attachment. */
  cardReplies = 0;
  /** Replies without one (the bot apologised, or sent text). */
  otherReplies = 0;
  /** Size in bytes of the last reply body that carried a card (the whole activity the bot posted), 0 before one. */
  lastCardBytes = 0;
  /** That body itself, for a look at what the bot sends. */
  lastCardBody = '';
  url = '';
  private server: Server | null = null;
  private nextId = 1;

  async start(): Promise<this> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if (text.includes('application/vnd.microsoft.card.adaptive')) {
          this.cardReplies += 1;
          this.lastCardBytes = Buffer.byteLength(text);
          this.lastCardBody = text;
        } else {
          this.otherReplies += 1;
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `reply-${this.nextId++}` }));
      });
    });
    this.server = server;
    this.url = `${await listenOnLoopback(server)}/`;
    return this;
  }

  reset(): void {
    this.cardReplies = 0;
    this.otherReplies = 0;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    await closeNow(server);
  }
}
