import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startHeadroom, type RunningHeadroom } from '../../src/app';
import { loadConfig } from '../../src/config';
import { CONTOSO_IDS } from '../../src/demo-tenant/contoso-tenant';
import { startDemoGraphServer, type DemoGraphServer } from '../../src/demo-tenant/demo-graph-server';
import { teamsActivity, type ActivityOptions } from './activity-factory';
import { captureLogger } from './capture-logger';
import { LocalConnector, type ConnectorCall } from './local-connector';

export interface Harness {
  headroom: RunningHeadroom;
  graph: DemoGraphServer;
  connector: LocalConnector;
  logLines: Record<string, unknown>[];
  /** Posts a Teams activity to /api/messages; resolves with the HTTP status and the replies it caused. */
  send(options: Partial<ActivityOptions> & { headers?: Record<string, string> }): Promise<{ status: number; body: string; replies: ConnectorCall[] }>;
  /** Sends a personal-chat message from Contoso's admin and returns the one card it got back. */
  ask(text: string, options?: Partial<ActivityOptions>): Promise<{ card: Record<string, unknown>; summary: string }>;
  stop(): Promise<void>;
}

/**
 * A real Headroom (built by the same composition root as `npm start`) against the demo tenant over
 * HTTP, with a local connector receiving its replies.
 */
export async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  const connector = await new LocalConnector().start();
  const graph = await startDemoGraphServer({ enableControl: true });
  const { logger, lines } = captureLogger();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'headroom-test-'));
  const config = { ...loadConfig({ GRAPH_BASE_URL: graph.baseUrl, LICENSE_CACHE_SECONDS: '0', DATA_DIR: dataDir, ...env }), port: 0 };
  const headroom = await startHeadroom(config, { logger, graphRetry: { baseDelayMs: 5, maxDelayMs: 20 } });

  const send: Harness['send'] = async (options) => {
    const before = connector.calls.length;
    const activity = teamsActivity({ serviceUrl: connector.url, tenantId: CONTOSO_IDS.tenantId, ...options });
    const response = await fetch(`${headroom.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...options.headers },
      body: JSON.stringify(activity),
    });
    const body = await response.text();
    return { status: response.status, body, replies: connector.calls.slice(before) };
  };

  return {
    headroom,
    graph,
    connector,
    logLines: lines,
    send,
    ask: async (text, options = {}) => {
      const { status, replies } = await send({ text, ...options });
      if (status !== 200 || replies.length !== 1) {
        throw new Error(`expected one reply with HTTP 200, got ${status} and ${replies.length} replies`);
      }
      const body = replies[0]?.body ?? {};
      const attachments = body.attachments as { contentType: string; content: Record<string, unknown> }[] | undefined;
      const card = attachments?.[0];
      if (!card || card.contentType !== 'application/vnd.microsoft.card.adaptive') {
        throw new Error(`expected an Adaptive Card reply, got ${JSON.stringify(body).slice(0, 300)}`);
      }
      return { card: card.content, summary: String(body.summary ?? '') };
    },
    stop: async () => {
      await headroom.stop('test');
      await graph.close();
      await connector.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
