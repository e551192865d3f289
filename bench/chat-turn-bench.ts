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

type BotName = 'framework' | 'edge' | 'headroom';

/** One bot under load, with what the rounds measured of it. */
interface Contender {
  name: BotName;
  server: BenchServer;
  totals: Totals;
  idleRss: number;
  peakRss: number;
  replyBytes: number;
  replyBody: string;
}

/** How each bot is named in the table. */
const LABELS: Record<BotName, string> = {
  framework: 'framework floor (echo bot, stock botbuilder)',
  edge: "edge floor (echo bot on Headroom's edge)",
  headroom: 'Headroom (warm cache)',
};

/**
 * The chat turn against two floors, each bot in its own process under the same closed-loop load, in
 * turn (framework floor, edge floor, Headroom, framework floor, ...):
 * - the framework floor, an echo bot wired as botbuilder's restify samples wire one. The targets are
 *   against it: it is the "echo bot on the same botbuilder and restify stack" of issue 11;
 * - the edge floor, the same echo bot on Headroom's own bot edge. The gap to it is only what Headroom
 *   does past the edge (tenant check, reference, routing, figures, the bigger card), so it is shown too.
 * Also samples Headroom's RSS at idle and under this load.
 */
export async function benchChatTurn(settings: ChatTurnSettings): Promise<BenchFigure[]> {
  const section = 'chat turn';
  const graph = await startDemoGraphServer();
  const connector = await new CountingConnector().start();
  const contenders: Contender[] = [];
  try {
    const contender = (name: BotName, server: BenchServer): Contender => {
      const made = { name, server, totals: emptyTotals(), idleRss: 0, peakRss: 0, replyBytes: 0, replyBody: '' };
      contenders.push(made);
      return made;
    };
    const framework = contender('framework', await startBenchServer({ mode: 'framework-floor', cpuProfileDir: settings.cpuProfileDir }));
    const edge = contender('edge', await startBenchServer({ mode: 'edge-floor', cpuProfileDir: settings.cpuProfileDir }));
    const headroom = contender(
      'headroom',
      await startBenchServer({
        mode: 'headroom',
        cpuProfileDir: settings.cpuProfileDir,
        env: { GRAPH_BASE_URL: graph.baseUrl, ALLOWED_TENANT_IDS: CONTOSO_IDS.tenantId, LICENSE_CACHE_SECONDS: '3600', LOG_LEVEL: 'warn' },
      }),
    );

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

    // One question fills Headroom's cache; then every bot settles before the idle reading.
    for (const each of contenders) {
      await load(each.server, 200);
    }
    await delay(1000);
    for (const each of contenders) {
      each.idleRss = await each.server.rss();
    }
    for (const each of contenders) {
      await load(each.server, settings.warmUpMs);
    }

    let missingReplies = 0;
    for (let round = 0; round < settings.rounds; round += 1) {
      for (const each of contenders) {
        connector.reset();
        const sampler = sampleRss(each.server, (rss) => (each.peakRss = Math.max(each.peakRss, rss)));
        const cpuBefore = await each.server.cpuMs();
        const result = await load(each.server, settings.roundMs);
        each.totals.cpuMs += (await each.server.cpuMs()) - cpuBefore;
        await sampler.stop();
        missingReplies += Math.max(0, result.ok - connector.cardReplies);
        each.replyBytes = connector.lastCardBytes;
        each.replyBody = connector.lastCardBody;
        add(each.totals, result);
      }
    }

    if (settings.cpuProfileDir !== undefined) {
      for (const each of contenders) {
        writeFileSync(path.join(settings.cpuProfileDir, `${each.name}-reply.json`), each.replyBody);
      }
    }
    const rate = (each: Contender): number => (each.totals.ok / each.totals.elapsedMs) * 1000;
    const latency = (each: Contender): ReturnType<typeof summarizeLatencies> => summarizeLatencies(each.totals.latenciesMs);
    const cpuPerTurn = (each: Contender): number => each.totals.cpuMs / each.totals.ok;
    const throughputRatio = rate(headroom) / rate(framework);
    const p99Ratio = latency(headroom).p99 / latency(framework).p99;
    const errors = contenders.reduce((sum, each) => sum + each.totals.errors, 0) + missingReplies;
    return [
      ...contenders.map((each) => contextFigure(section, `${LABELS[each.name]} turns/s, concurrency ${settings.concurrency}`, rate(each), '/s')),
      targetFigure(section, 'Headroom throughput / framework floor', throughputRatio, 'x', '>= 0.9', throughputRatio >= 0.9),
      contextFigure(section, 'Headroom throughput / edge floor', rate(headroom) / rate(edge), 'x'),
      ...contenders.map((each) => contextFigure(section, `${LABELS[each.name]} p50`, latency(each).p50, 'ms')),
      ...contenders.map((each) => contextFigure(section, `${LABELS[each.name]} p99`, latency(each).p99, 'ms')),
      targetFigure(section, 'Headroom p99 / framework floor p99', p99Ratio, 'x', '<= 1.5', p99Ratio <= 1.5),
      contextFigure(section, 'Headroom p99 / edge floor p99', latency(headroom).p99 / latency(edge).p99, 'x'),
      ...contenders.map((each) => contextFigure(section, `${LABELS[each.name]} CPU per turn (process user + system)`, cpuPerTurn(each), 'ms')),
      contextFigure(section, 'CPU per turn: framework floor / Headroom (throughput ratio when CPU-bound)', cpuPerTurn(framework) / cpuPerTurn(headroom), 'x'),
      contextFigure(section, 'CPU per turn: edge floor / Headroom', cpuPerTurn(edge) / cpuPerTurn(headroom), 'x'),
      contextFigure(section, 'echo reply body (the activity posted to the connector)', edge.replyBytes, 'bytes'),
      contextFigure(section, 'Headroom reply body (the activity posted to the connector)', headroom.replyBytes, 'bytes'),
      targetFigure(section, 'errors (all three bots, incl. turns without a card reply)', errors, '', '0', errors === 0),
      ...[framework, edge].flatMap((each) => [
        contextFigure('memory', `${LABELS[each.name]} RSS idle`, each.idleRss / MB, 'MB'),
        contextFigure('memory', `${LABELS[each.name]} RSS under chat load (peak)`, each.peakRss / MB, 'MB'),
      ]),
      contextFigure('memory', 'Headroom RSS idle', headroom.idleRss / MB, 'MB'),
      targetFigure('memory', 'Headroom RSS under chat load (peak)', headroom.peakRss / MB, 'MB', '<= 150', headroom.peakRss / MB <= 150),
    ];
  } finally {
    await Promise.all(contenders.map((each) => each.server.stop()));
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
