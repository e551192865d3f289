import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startHeadroom, type RunningHeadroom, type StartOptions } from '../../src/app';
import { loadConfig } from '../../src/config';
import { CONTOSO_IDS } from '../../src/demo-tenant/contoso-tenant';
import { startDemoGraphServer, type DemoGraphServer } from '../../src/demo-tenant/demo-graph-server';
import type { DemoTenant } from '../../src/demo-tenant/demo-tenant';
import { teamsActivity, type ActivityOptions } from './activity-factory';
import { captureLogger } from './capture-logger';
import { LocalConnector, type ConnectorCall } from './local-connector';

export interface Harness {
  headroom: RunningHeadroom;
  graph: DemoGraphServer;
  connector: LocalConnector;
  logLines: Record<string, unknown>[];
  /** Posts a Teams activity to /api/messages; resolves with the HTTP status and the replies it caused. */
  /** `activity` fields are set over the generated activity (e.g. `membersAdded`, `action`). */
  send(options: Partial<ActivityOptions> & { headers?: Record<string, string>; activity?: Record<string, unknown> }): Promise<{ status: number; body: string; replies: ConnectorCall[] }>;
  /** Sends a personal-chat message from Contoso's admin and returns the one card it got back. */
  ask(text: string, options?: Partial<ActivityOptions>): Promise<{ card: Record<string, unknown>; summary: string }>;
  stop(): Promise<void>;
}

/** Optional parts of the harness beyond the environment. */
export interface HarnessOptions {
  /** Headroom's clock (seat holds, held seats); real time when absent. */
  now?: () => Date;
  /** Watcher and outbox options; the watcher's timer is off unless `alerts.autoStart` is true, so ticks never interleave with other tests' replies. */
  alerts?: StartOptions['alerts'];
  /** The demo tenant to serve; Contoso when absent. */
  tenant?: DemoTenant;
}

/**
 * A real Headroom (built by the same composition root as `npm start`) against the demo tenant over
 * HTTP, with a local connector receiving its replies.
 */
export async function startHarness(env: Record<string, string> = {}, options: HarnessOptions = {}): Promise<Harness> {
  const connector = await new LocalConnector().start();
  const graph = await startDemoGraphServer({ enableControl: true, tenant: options.tenant });
  const { logger, lines } = captureLogger();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'headroom-test-'));
  const config = { ...loadConfig({ GRAPH_BASE_URL: graph.baseUrl, LICENSE_CACHE_SECONDS: '0', DATA_DIR: dataDir, ...env }), port: 0 };
  const headroom = await startHeadroom(config, { logger, graphRetry: { baseDelayMs: 5, maxDelayMs: 20 }, now: options.now, alerts: { autoStart: false, ...options.alerts } });

  const send: Harness['send'] = async (options) => {
    const before = connector.calls.length;
    const activity = { ...teamsActivity({ serviceUrl: connector.url, tenantId: CONTOSO_IDS.tenantId, ...options }), ...options.activity };
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
