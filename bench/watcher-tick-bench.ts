import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { startDemoGraphServer } from '../src/demo-tenant/demo-graph-server';
import { createLargeTenant } from '../src/demo-tenant/large-tenant';
import { contextFigure, targetFigure, type BenchFigure } from './bench-figure';
import { LARGE_TENANT, LARGE_TENANT_BUDGET_RU } from './graph-cost-bench';
import { median } from './latency-summary';
import type { TickMeasurement, WatcherChildMessage, WatcherParentMessage } from './watcher-tick-messages';

const KB = 1024;

/** Whether the watcher exists in this checkout (it is built by another feature). */
export function watcherExists(): boolean {
  return existsSync(path.join(__dirname, '..', 'src', 'alerts', 'watcher.ts'));
}

/**
 * Watcher ticks on the large tenant with `places` watched channels, in a child process (real SQLite
 * store, real LicenseService and Graph reader; the demo tenant stays in this process). The first tick
 * raises every alert and fills the outbox with one digest per channel; the steady ticks find nothing new.
 */
export async function benchWatcherTick(settings: { latencyMs: number; places: number; steadyTicks: number }): Promise<BenchFigure[]> {
  const section = `watcher tick (100k users, ${settings.places} channels)`;
  const server = await startDemoGraphServer({ tenant: createLargeTenant(LARGE_TENANT), latencyMs: settings.latencyMs });
  try {
    const child = fork(path.join(__dirname, 'watcher-tick-child.ts'), [], {
      execArgv: ['--import', 'tsx', '--no-deprecation'],
      env: { ...process.env, BENCH_GRAPH_URL: server.baseUrl, BENCH_WATCHED_PLACES: String(settings.places), BENCH_STEADY_TICKS: String(settings.steadyTicks) },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    let first: TickMeasurement | null = null;
    const steady = await new Promise<TickMeasurement[]>((resolve, reject) => {
      child.on('message', (message: WatcherChildMessage) => {
        if (message.type === 'first') {
          first = message.tick;
          server.stats.reset();
          child.send({ type: 'go' } satisfies WatcherParentMessage);
        } else {
          resolve(message.ticks);
        }
      });
      child.once('exit', (code) => reject(new Error(`watcher tick child exited with code ${code}`)));
    });
    const firstTick = first as TickMeasurement | null;
    if (firstTick === null) {
      throw new Error('watcher tick child sent no first tick');
    }
    const ruPerTick = server.stats.resourceUnits / Math.max(1, steady.length);
    const share = (ruPerTick / LARGE_TENANT_BUDGET_RU) * 100;
    const errors = [firstTick, ...steady].filter((tick) => tick.error !== null).length;
    return [
      contextFigure(section, `first tick (${firstTick.transitions} transitions, ${firstTick.messages} digests queued)`, firstTick.ms, 'ms'),
      contextFigure(section, 'first tick allocations', firstTick.allocatedBytes / KB, 'KB'),
      contextFigure(section, `steady tick, median of ${steady.length}`, median(steady.map((tick) => tick.ms)), 'ms'),
      contextFigure(section, 'steady tick allocations (median)', median(steady.map((tick) => tick.allocatedBytes)) / KB, 'KB'),
      contextFigure(section, 'Graph HTTP requests per tick', server.stats.httpRequests / Math.max(1, steady.length), ''),
      targetFigure(section, `RU per tick as share of ${LARGE_TENANT_BUDGET_RU} RU / 10 s`, share, '%', '< 5', share < 5),
      targetFigure(section, 'ticks that failed', errors, '', '0', errors === 0),
    ];
  } finally {
    await server.close();
  }
}
