import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GCProfiler } from 'node:v8';
import { Watcher } from '../src/alerts/watcher';
import { createGraphAccess } from '../src/graph/graph-access';
import { LicenseService } from '../src/licenses/license-service';
import { silentLogger } from '../src/logger';
import { createStore } from '../src/store/create-store';
import { storeAdjustments } from '../src/store/store-adjustments';
import type { TickMeasurement, WatcherChildMessage, WatcherParentMessage } from './watcher-tick-messages';

/*
 * Entry point of the child process that runs watcher ticks against the demo tenant in the parent, so
 * that the demo server's own allocations are not counted. Env: BENCH_GRAPH_URL, BENCH_WATCHED_PLACES,
 * BENCH_STEADY_TICKS.
 */

/** Bytes allocated while `work` ran: heap growth plus what every GC in between freed. */
async function measureTick(work: () => Promise<{ messages: number; transitions: unknown[]; error: string | null }>): Promise<TickMeasurement> {
  const profiler = new GCProfiler();
  profiler.start();
  const before = process.memoryUsage().heapUsed;
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  const after = process.memoryUsage().heapUsed;
  const profile = profiler.stop();
  let freed = 0;
  for (const gc of profile?.statistics ?? []) {
    freed += gc.beforeGC.heapStatistics.usedHeapSize - gc.afterGC.heapStatistics.usedHeapSize;
  }
  return { ms, allocatedBytes: after - before + freed, messages: result.messages, transitions: result.transitions.length, error: result.error };
}

function send(message: WatcherChildMessage): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  const baseUrl = process.env.BENCH_GRAPH_URL ?? '';
  const places = Number(process.env.BENCH_WATCHED_PLACES ?? 50);
  const steadyTicks = Number(process.env.BENCH_STEADY_TICKS ?? 5);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'headroom-bench-watcher-'));
  const store = await createStore({ databaseUrl: null, dataDir }, silentLogger);
  try {
    for (let i = 0; i < places; i += 1) {
      await store.watchPlace({ conversationId: `19:bench-channel-${i}@thread.tacv2`, addedBy: 'bench', kind: 'channel' });
    }
    const graph = createGraphAccess({ baseUrl, auth: { kind: 'none' } }, silentLogger);
    const licenses = new LicenseService({ reader: graph.licenseReader, cacheSeconds: 60, logger: silentLogger, adjustments: storeAdjustments(store) });
    const watcher = new Watcher({
      store,
      licenses,
      // Sending is the delivery feature's cost, measured with the chat; the tick only fills the outbox.
      dispatcher: { runOnce: async () => undefined },
      logger: silentLogger,
      settings: { defaultThreshold: { kind: 'percent', value: 5 }, remindHours: 24, expiryWarningDays: 30 },
      pollIntervalSeconds: 900,
    });
    send({ type: 'first', tick: await measureTick(() => watcher.tickOnce()) });
    await new Promise<void>((resolve) => {
      process.once('message', (message: WatcherParentMessage) => {
        if (message.type === 'go') {
          resolve();
        }
      });
    });
    const ticks: TickMeasurement[] = [];
    for (let i = 0; i < steadyTicks; i += 1) {
      ticks.push(await measureTick(() => watcher.tickOnce()));
    }
    send({ type: 'steady', ticks });
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('watcher tick bench failed:', error);
    process.exit(1);
  },
);
