import { startDemoGraphServer } from '../src/demo-tenant/demo-graph-server';
import { createLargeTenant } from '../src/demo-tenant/large-tenant';
import { createGraphAccess } from '../src/graph/graph-access';
import { silentLogger } from '../src/logger';
import { runReclaimScan } from '../src/reclaim/run-reclaim-scan';
import { contextFigure, targetFigure, type BenchFigure } from './bench-figure';
import { median } from './latency-summary';

interface ScanCost {
  users: number;
  disabled: number;
  httpRequests: number;
  resourceUnits: number;
  candidates: number;
  wallMs: number;
}

/** One reclaim scan (disabled and inactive reads) on a generated tenant, `repeats` times; the median wall time. */
async function measureScan(users: number, disabled: number, latencyMs: number, repeats: number): Promise<ScanCost> {
  const server = await startDemoGraphServer({ tenant: createLargeTenant({ users, disabledLicensedUsers: disabled }), latencyMs });
  try {
    const walls: number[] = [];
    let cost = { httpRequests: 0, resourceUnits: 0, candidates: 0 };
    for (let i = 0; i < repeats; i += 1) {
      const reader = createGraphAccess({ baseUrl: server.baseUrl, auth: { kind: 'none' } }, silentLogger).reclaimReader;
      server.stats.reset();
      const started = performance.now();
      const scan = await runReclaimScan(reader, { inactiveDays: 90, excludeGroupId: null, now: () => new Date() });
      walls.push(performance.now() - started);
      cost = { httpRequests: server.stats.httpRequests, resourceUnits: server.stats.resourceUnits, candidates: scan.candidates.length };
    }
    return { users, disabled, ...cost, wallMs: median(walls) };
  } finally {
    await server.close();
  }
}

/**
 * The reclaim scan's cost grows with candidates, not with tenant size: the same 100,000-user tenant
 * with 1,000 and with 100 disabled licensed users, and a 10,000-user tenant with 1,000.
 */
export async function benchReclaimScan(settings: { latencyMs: number; repeats: number }): Promise<BenchFigure[]> {
  const section = 'reclaim scan';
  const large = await measureScan(100_000, 1_000, settings.latencyMs, settings.repeats);
  const fewer = await measureScan(100_000, 100, settings.latencyMs, settings.repeats);
  const small = await measureScan(10_000, 1_000, settings.latencyMs, settings.repeats);
  const label = (cost: ScanCost): string => `${cost.users / 1000}k users, ${cost.disabled} disabled`;
  return [
    ...[large, fewer, small].flatMap((cost) => [
      contextFigure(section, `${label(cost)}: HTTP requests`, cost.httpRequests, ''),
      contextFigure(section, `${label(cost)}: resource units`, cost.resourceUnits, 'RU'),
      contextFigure(section, `${label(cost)}: wall time (median of ${settings.repeats})`, cost.wallMs, 'ms'),
    ]),
    targetFigure(section, 'candidates found (100k users, 1,000 disabled)', large.candidates, '', '= 1000', large.candidates === 1_000),
    // The 10k tenant's leavers sit in more licensing groups (each group's name is one $batch part), so it
    // may cost more; a tenant ten times larger must not.
    targetFigure(section, 'HTTP requests, 100k users (10k users: same 1,000 disabled)', large.httpRequests, '', `<= ${small.httpRequests}`, large.httpRequests <= small.httpRequests),
    targetFigure(section, 'HTTP requests with 100 disabled <= with 1,000 (100k users)', fewer.httpRequests, '', `<= ${large.httpRequests}`, fewer.httpRequests <= large.httpRequests),
  ];
}
