import { startDemoGraphServer, type DemoGraphServer } from '../src/demo-tenant/demo-graph-server';
import { createLargeTenant, type LargeTenantOptions } from '../src/demo-tenant/large-tenant';
import { createGraphClient } from '../src/graph/graph-client';
import { createGraphAccess } from '../src/graph/graph-access';
import { GraphRequester } from '../src/graph/graph-requester';
import { RetryPolicy } from '../src/graph/retry-policy';
import type { LicenseSnapshot } from '../src/licenses/license-snapshot';
import { silentLogger } from '../src/logger';
import { contextFigure, targetFigure, type BenchFigure } from './bench-figure';
import { median } from './latency-summary';
import { runNaiveLicenseScan } from './naive-license-scan';

/** Microsoft Graph's identity-and-access throttle for a large tenant: resource units per 10 seconds. */
export const LARGE_TENANT_BUDGET_RU = 8000;

export const LARGE_TENANT: LargeTenantOptions = { users: 100_000, licensedGroups: 1000, skus: 50, waitingUsers: 2000, errorGroups: 40 };

/** The cost of one kind of read, from the demo server's request stats. */
export interface ReadCost {
  httpRequests: number;
  batchParts: number;
  resourceUnits: number;
  wallMs: number;
}

/** Reads Headroom's snapshot `repeats` times on a fresh reader each time; stats of one read, median wall time. */
export async function measureSnapshot(server: DemoGraphServer, repeats: number): Promise<ReadCost & { snapshot: LicenseSnapshot }> {
  const walls: number[] = [];
  let cost: Omit<ReadCost, 'wallMs'> = { httpRequests: 0, batchParts: 0, resourceUnits: 0 };
  let snapshot: LicenseSnapshot | null = null;
  for (let i = 0; i < repeats; i += 1) {
    const reader = createGraphAccess({ baseUrl: server.baseUrl, auth: { kind: 'none' } }, silentLogger).licenseReader;
    server.stats.reset();
    const started = performance.now();
    snapshot = await reader.readSnapshot({ priority: 'low' });
    walls.push(performance.now() - started);
    cost = { httpRequests: server.stats.httpRequests, batchParts: server.stats.batchParts, resourceUnits: server.stats.resourceUnits };
  }
  if (snapshot === null) {
    throw new RangeError('repeats must be at least 1');
  }
  return { ...cost, wallMs: median(walls), snapshot };
}

/** Headroom's snapshot against the naive all-users scan on the large generated tenant. */
export async function benchGraphCost(settings: { latencyMs: number; repeats: number }): Promise<BenchFigure[]> {
  const section = 'Graph cost (100k users)';
  const server = await startDemoGraphServer({ tenant: createLargeTenant(LARGE_TENANT), latencyMs: settings.latencyMs });
  try {
    const headroom = await measureSnapshot(server, settings.repeats);
    const headroomWaiting = new Set(headroom.snapshot.waiting.map((w) => w.userId)).size;

    const requester = new GraphRequester(createGraphClient({ baseUrl: server.baseUrl, credential: null }), server.baseUrl, new RetryPolicy(), silentLogger);
    server.stats.reset();
    const started = performance.now();
    const naive = await runNaiveLicenseScan(requester);
    const naiveWall = performance.now() - started;
    const naiveCost: ReadCost = { httpRequests: server.stats.httpRequests, batchParts: server.stats.batchParts, resourceUnits: server.stats.resourceUnits, wallMs: naiveWall };
    const naiveWaiting = [...naive.waitingBySku.values()].reduce((sum, n) => sum + n, 0);

    const requestRatio = naiveCost.httpRequests / headroom.httpRequests;
    const wallRatio = naiveCost.wallMs / headroom.wallMs;
    const budgetShare = (headroom.resourceUnits / LARGE_TENANT_BUDGET_RU) * 100;
    return [
      contextFigure(section, 'Headroom HTTP requests', headroom.httpRequests, ''),
      contextFigure(section, 'Headroom $batch parts', headroom.batchParts, ''),
      contextFigure(section, 'Headroom resource units', headroom.resourceUnits, 'RU'),
      contextFigure(section, `Headroom wall time (median of ${settings.repeats})`, headroom.wallMs, 'ms'),
      contextFigure(section, 'naive scan HTTP requests', naiveCost.httpRequests, ''),
      contextFigure(section, 'naive scan resource units', naiveCost.resourceUnits, 'RU'),
      contextFigure(section, 'naive scan wall time', naiveCost.wallMs, 'ms'),
      targetFigure(section, 'waiting users found (Headroom = naive scan)', headroomWaiting, '', `= ${naiveWaiting}`, headroomWaiting === naiveWaiting && naiveWaiting === LARGE_TENANT.waitingUsers),
      targetFigure(section, 'HTTP requests: naive / Headroom', requestRatio, 'x', '>= 20', requestRatio >= 20),
      targetFigure(section, 'wall time: naive / Headroom', wallRatio, 'x', '>= 10', wallRatio >= 10),
      targetFigure(section, `snapshot RU as share of ${LARGE_TENANT_BUDGET_RU} RU / 10 s`, budgetShare, '%', '< 5', budgetShare < 5),
    ];
  } finally {
    await server.close();
  }
}
