import { Agent, request } from 'node:http';
import { CONTOSO_IDS } from '../src/demo-tenant/contoso-tenant';
import { startDemoGraphServer } from '../src/demo-tenant/demo-graph-server';
import { createGraphAccess } from '../src/graph/graph-access';
import { silentLogger } from '../src/logger';
import { teamsActivity } from '../test/support/activity-factory';
import { contextFigure, targetFigure, type BenchFigure } from './bench-figure';
import { startBenchServer } from './bench-server';
import { CHAT_QUESTION } from './chat-turn-bench';
import { CountingConnector } from './counting-connector';
import { median } from './latency-summary';

export interface ColdCacheSettings {
  /** Sequential cold turns measured. */
  turns: number;
  /** Askers sent at the same moment to a cold cache. */
  concurrentAskers: number;
  latencyMs: number;
}

/**
 * The cold-cache turn: Headroom (own process) with LICENSE_CACHE_SECONDS=0 against the demo tenant
 * answering every request after `latencyMs`. Compares the turn with one Graph round trip, and checks
 * that askers arriving together share one snapshot read.
 */
export async function benchColdCache(settings: ColdCacheSettings): Promise<BenchFigure[]> {
  const section = 'cold cache';
  const graph = await startDemoGraphServer({ latencyMs: settings.latencyMs });
  const connector = await new CountingConnector().start();
  const headroom = await startBenchServer({
    mode: 'headroom',
    env: { GRAPH_BASE_URL: graph.baseUrl, ALLOWED_TENANT_IDS: CONTOSO_IDS.tenantId, LICENSE_CACHE_SECONDS: '0', LOG_LEVEL: 'warn' },
  });
  const agent = new Agent({ keepAlive: true });
  try {
    const ask = async (): Promise<{ ms: number; status: number }> => {
      const body = JSON.stringify(teamsActivity({ serviceUrl: connector.url, tenantId: CONTOSO_IDS.tenantId, text: CHAT_QUESTION }));
      const started = performance.now();
      const status = await post(agent, `${headroom.url}/api/messages`, body);
      return { ms: performance.now() - started, status };
    };

    // One Graph round trip: the cheapest GET on the same server, over a kept-alive connection.
    const roundTrips: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      const started = performance.now();
      await get(agent, `${graph.baseUrl}/v1.0/organization?$select=id`);
      roundTrips.push(performance.now() - started);
    }
    const roundTrip = median(roundTrips);

    // A bare snapshot read from this process, for the HTTP requests one snapshot takes.
    const reader = createGraphAccess({ baseUrl: graph.baseUrl, auth: { kind: 'none' } }, silentLogger).licenseReader;
    await reader.readSnapshot();
    const reads: number[] = [];
    let snapshotRequests = 0;
    for (let i = 0; i < 5; i += 1) {
      graph.stats.reset();
      const readStarted = performance.now();
      await reader.readSnapshot();
      reads.push(performance.now() - readStarted);
      snapshotRequests = graph.stats.httpRequests;
    }
    const snapshotMs = median(reads);

    await ask();
    const turns: number[] = [];
    let errors = 0;
    for (let i = 0; i < settings.turns; i += 1) {
      const { ms, status } = await ask();
      turns.push(ms);
      errors += status === 200 ? 0 : 1;
    }
    const turnP50 = median(turns);

    graph.stats.reset();
    connector.reset();
    const together = await Promise.all(Array.from({ length: settings.concurrentAskers }, () => ask()));
    const sharedRequests = graph.stats.httpRequests;
    errors += together.filter((answer) => answer.status !== 200).length + (settings.concurrentAskers - connector.cardReplies);

    return [
      contextFigure(section, `one Graph round trip at ${settings.latencyMs} ms latency (p50)`, roundTrip, 'ms'),
      contextFigure(section, 'bare snapshot read, Graph only (median of 5)', snapshotMs, 'ms'),
      contextFigure(section, 'HTTP requests per snapshot', snapshotRequests, ''),
      targetFigure(section, `cold turn p50 (${settings.turns} turns)`, turnP50, 'ms', `<= ${Math.round(roundTrip + 20)} (round trip + 20)`, turnP50 <= roundTrip + 20),
      contextFigure(section, 'cold turn p50 minus bare snapshot read', turnP50 - snapshotMs, 'ms'),
      targetFigure(
        section,
        `HTTP requests for ${settings.concurrentAskers} concurrent cold askers`,
        sharedRequests,
        '',
        `= ${snapshotRequests} (one snapshot)`,
        sharedRequests === snapshotRequests,
      ),
      targetFigure(section, 'errors', errors, '', '0', errors === 0),
    ];
  } finally {
    agent.destroy();
    await headroom.stop();
    await connector.stop();
    await graph.close();
  }
}

function post(agent: Agent, url: string, body: string): Promise<number> {
  return exchange(agent, url, 'POST', body);
}

function get(agent: Agent, url: string): Promise<number> {
  return exchange(agent, url, 'GET', null);
}

function exchange(agent: Agent, url: string, method: string, body: string | null): Promise<number> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method,
        headers: body === null ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body ?? undefined);
  });
}
