import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { CONTOSO_IDS } from '../src/demo-tenant/contoso-tenant';
import { startDemoGraphServer } from '../src/demo-tenant/demo-graph-server';
import { teamsActivity } from '../test/support/activity-factory';
import { contextFigure, targetFigure, type BenchFigure } from './bench-figure';
import { startBenchServer, type BenchServer } from './bench-server';
import { runClosedLoop, type ClosedLoopResult } from './closed-loop-load';
import { CountingConnector } from './counting-connector';
import { summarizeLatencies } from './latency-summary';

export interface ChatTurnSettings {
  concurrency: number;
  rounds: number;
  roundMs: number;
  warmUpMs: number;
  cpuProfileDir?: string;
}

export const CHAT_QUESTION = 'how many E3 left?';
const MB = 1024 * 1024;
/** The admins asking, each in their own personal chat with the bot: turns go round them in order. */
const CONVERSATIONS = 100;

interface Totals {
  ok: number;
  errors: number;
  latenciesMs: number[];
  elapsedMs: number;
  /** CPU time the bot's process used during the rounds. */
  cpuMs: number;
}

/**
 * The chat turn against the framework floor: the echo bot (A) and Headroom with a warm cache (B), each
 * in its own process, take turns under the same closed-loop load (A B A B ...). Also samples Headroom's
 * RSS at idle and under this load.
 */
export async function benchChatTurn(settings: ChatTurnSettings): Promise<BenchFigure[]> {
  const section = 'chat turn';
  const graph = await startDemoGraphServer();
  const connector = await new CountingConnector().start();
  const servers: BenchServer[] = [];
  try {
    const floor = await startBenchServer({ mode: 'floor', cpuProfileDir: settings.cpuProfileDir });
    servers.push(floor);
    const headroom = await startBenchServer({
      mode: 'headroom',
      cpuProfileDir: settings.cpuProfileDir,
      env: { GRAPH_BASE_URL: graph.baseUrl, ALLOWED_TENANT_IDS: CONTOSO_IDS.tenantId, LICENSE_CACHE_SECONDS: '3600', LOG_LEVEL: 'warn' },
    });
    servers.push(headroom);

    let turn = 0;
    const load = (server: BenchServer, durationMs: number): Promise<ClosedLoopResult> =>
      runClosedLoop({
        url: `${server.url}/api/messages`,
        concurrency: settings.concurrency,
        durationMs,
        nextBody: () => {
          turn += 1;
          const conversationId = `a:personal-bench-admin-${turn % CONVERSATIONS}`;
          return JSON.stringify(teamsActivity({ serviceUrl: connector.url, tenantId: CONTOSO_IDS.tenantId, text: CHAT_QUESTION, conversationId }));
        },
      });

    // One question fills Headroom's cache; then both settle before the idle reading.
    await load(headroom, 200);
    await load(floor, 200);
    await delay(1000);
    const idleRss = await headroom.rss();
    const floorIdleRss = await floor.rss();
    await load(floor, settings.warmUpMs);
    await load(headroom, settings.warmUpMs);

    const totals = { floor: emptyTotals(), headroom: emptyTotals() };
    let peakRss = 0;
    let floorPeakRss = 0;
    let missingReplies = 0;
    const replyBytes = { floor: 0, headroom: 0 };
    const replyBodies = { floor: '', headroom: '' };
    for (let round = 0; round < settings.rounds; round += 1) {
      for (const [name, server] of [['floor', floor], ['headroom', headroom]] as const) {
        connector.reset();
        const sampler =
          name === 'headroom' ? sampleRss(headroom, (rss) => (peakRss = Math.max(peakRss, rss))) : sampleRss(floor, (rss) => (floorPeakRss = Math.max(floorPeakRss, rss)));
        const cpuBefore = await server.cpuMs();
        const result = await load(server, settings.roundMs);
        totals[name].cpuMs += (await server.cpuMs()) - cpuBefore;
        await sampler.stop();
        missingReplies += Math.max(0, result.ok - connector.cardReplies);
        replyBytes[name] = connector.lastCardBytes;
        replyBodies[name] = connector.lastCardBody;
        add(totals[name], result);
      }
    }

    if (settings.cpuProfileDir !== undefined) {
      for (const name of ['floor', 'headroom'] as const) {
        writeFileSync(path.join(settings.cpuProfileDir, `${name}-reply.json`), replyBodies[name]);
      }
    }
    const floorRate = (totals.floor.ok / totals.floor.elapsedMs) * 1000;
    const headroomRate = (totals.headroom.ok / totals.headroom.elapsedMs) * 1000;
    const floorLatency = summarizeLatencies(totals.floor.latenciesMs);
    const headroomLatency = summarizeLatencies(totals.headroom.latenciesMs);
    const ratio = headroomRate / floorRate;
    const p99Ratio = headroomLatency.p99 / floorLatency.p99;
    const floorCpuPerTurn = totals.floor.cpuMs / totals.floor.ok;
    const headroomCpuPerTurn = totals.headroom.cpuMs / totals.headroom.ok;
    return [
      contextFigure(section, `floor (echo bot) turns/s, concurrency ${settings.concurrency}`, floorRate, '/s'),
      contextFigure(section, 'Headroom turns/s (warm cache)', headroomRate, '/s'),
      targetFigure(section, 'Headroom throughput / floor', ratio, 'x', '>= 0.9', ratio >= 0.9),
      contextFigure(section, 'floor p50', floorLatency.p50, 'ms'),
      contextFigure(section, 'Headroom p50', headroomLatency.p50, 'ms'),
      contextFigure(section, 'floor p99', floorLatency.p99, 'ms'),
      contextFigure(section, 'Headroom p99', headroomLatency.p99, 'ms'),
      targetFigure(section, 'Headroom p99 / floor p99', p99Ratio, 'x', '<= 1.5', p99Ratio <= 1.5),
      contextFigure(section, 'floor CPU per turn (process user + system)', floorCpuPerTurn, 'ms'),
      contextFigure(section, 'Headroom CPU per turn (process user + system)', headroomCpuPerTurn, 'ms'),
      contextFigure(section, 'CPU per turn: floor / Headroom (throughput ratio when CPU-bound)', floorCpuPerTurn / headroomCpuPerTurn, 'x'),
      contextFigure(section, 'floor reply body (the activity posted to the connector)', replyBytes.floor, 'bytes'),
      contextFigure(section, 'Headroom reply body (the activity posted to the connector)', replyBytes.headroom, 'bytes'),
      targetFigure(section, 'errors (floor + Headroom, incl. turns without a card reply)', totals.floor.errors + totals.headroom.errors + missingReplies, '', '0', totals.floor.errors + totals.headroom.errors + missingReplies === 0),
      contextFigure('memory', 'floor RSS idle', floorIdleRss / MB, 'MB'),
      contextFigure('memory', 'floor RSS under chat load (peak)', floorPeakRss / MB, 'MB'),
      contextFigure('memory', 'Headroom RSS idle', idleRss / MB, 'MB'),
      targetFigure('memory', 'Headroom RSS under chat load (peak)', peakRss / MB, 'MB', '<= 150', peakRss / MB <= 150),
    ];
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await connector.stop();
    await graph.close();
  }
}

function emptyTotals(): Totals {
  return { ok: 0, errors: 0, latenciesMs: [], elapsedMs: 0, cpuMs: 0 };
}

function add(totals: Totals, result: ClosedLoopResult): void {
  totals.ok += result.ok;
  totals.errors += result.errors;
  totals.elapsedMs += result.elapsedMs;
  for (const latency of result.latenciesMs) {
    totals.latenciesMs.push(latency);
  }
}

/** Reads the server's RSS every 250 ms until stopped. */
function sampleRss(server: BenchServer, record: (rss: number) => void): { stop: () => Promise<void> } {
  let running = true;
  const loop = (async () => {
    while (running) {
      record(await server.rss());
      await delay(250);
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
