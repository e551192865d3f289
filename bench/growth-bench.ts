import { startDemoGraphServer } from '../src/demo-tenant/demo-graph-server';
import { createLargeTenant } from '../src/demo-tenant/large-tenant';
import { contextFigure, targetFigure, type BenchFigure } from './bench-figure';
import { measureSnapshot, type ReadCost } from './graph-cost-bench';

const SIZES = [1_000, 10_000, 100_000, 300_000];
/** The same licensing errors at every size (800 waiting users fit the smallest tenant). */
const ERRORS = { licensedGroups: 1000, skus: 50, waitingUsers: 800, errorGroups: 40 };
/** How much slower the largest tenant's snapshot may be than the smallest's and still count as flat. */
const FLAT_TIME_FACTOR = 1.5;

/** Headroom's snapshot cost on tenants of growing user count with the same errors. */
export async function benchGrowth(settings: { latencyMs: number; repeats: number }): Promise<BenchFigure[]> {
  const section = 'growth';
  const costs: ReadCost[] = [];
  const figures: BenchFigure[] = [];
  for (const users of SIZES) {
    const server = await startDemoGraphServer({ tenant: createLargeTenant({ users, ...ERRORS }), latencyMs: settings.latencyMs });
    try {
      const cost = await measureSnapshot(server, settings.repeats);
      costs.push(cost);
      const label = `${users.toLocaleString('en-US')} users`;
      figures.push(contextFigure(section, `${label}: HTTP requests (batch parts ${cost.batchParts}, ${cost.resourceUnits} RU)`, cost.httpRequests, ''));
      figures.push(contextFigure(section, `${label}: snapshot time`, cost.wallMs, 'ms'));
    } finally {
      await server.close();
    }
  }
  const first = costs[0] as ReadCost;
  const last = costs[costs.length - 1] as ReadCost;
  const sameRequests = costs.every((cost) => cost.httpRequests === first.httpRequests && cost.batchParts === first.batchParts && cost.resourceUnits === first.resourceUnits);
  const timeFactor = last.wallMs / first.wallMs;
  figures.push(targetFigure(section, 'requests, batch parts and RU identical at every size', sameRequests ? 1 : 0, '', '1 (yes)', sameRequests));
  figures.push(targetFigure(section, 'snapshot time 300k / 1k users', timeFactor, 'x', `<= ${FLAT_TIME_FACTOR}`, timeFactor <= FLAT_TIME_FACTOR));
  return figures;
}
