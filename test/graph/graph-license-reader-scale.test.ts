import assert from 'node:assert/strict';
import { startDemoGraphServer } from '../../src/demo-tenant/demo-graph-server';
import type { DemoGraphServer } from '../../src/demo-tenant/demo-graph-server';
import { createLargeTenant } from '../../src/demo-tenant/large-tenant';
import type { LargeTenantOptions } from '../../src/demo-tenant/large-tenant';
import type { RequestStats } from '../../src/demo-tenant/request-stats';
import { createGraphAccess } from '../../src/graph/graph-access';
import type { LicenseSnapshot } from '../../src/licenses/license-snapshot';
import { silentLogger } from '../../src/logger';

interface ReadCost {
  snapshot: LicenseSnapshot;
  stats: RequestStats;
}

describe('GraphLicenseReader on large tenants', () => {
  const servers: DemoGraphServer[] = [];

  after(async () => {
    await Promise.all(servers.map((server) => server.close()));
  });

  async function readLargeTenant(options: LargeTenantOptions): Promise<ReadCost> {
    const server = await startDemoGraphServer({ tenant: createLargeTenant(options) });
    servers.push(server);
    const reader = createGraphAccess({ baseUrl: server.baseUrl, auth: { kind: 'none' } }, silentLogger).licenseReader;
    const snapshot = await reader.readSnapshot({ priority: 'low' });
    return { snapshot, stats: server.stats };
  }

  it('finds every waiting user of a 100,000-user tenant in a handful of HTTP requests', async () => {
    const { snapshot, stats } = await readLargeTenant({ users: 100_000, waitingUsers: 2000, errorGroups: 40 });

    assert.equal(new Set(snapshot.waiting.map((w) => w.userId)).size, 2000);
    assert.equal(stats.batchParts, 4 + 40);
    assert.ok(stats.httpRequests <= 10, `${stats.httpRequests} HTTP requests`);
    assert.equal(stats.byEndpoint['GET /v1.0/users'], undefined);
  });

  it('costs the same on 1,000 and on 100,000 users with the same license errors', async () => {
    const errors = { waitingUsers: 800, errorGroups: 40, licensedGroups: 200, skus: 20 };

    const small = await readLargeTenant({ users: 1000, ...errors });
    const large = await readLargeTenant({ users: 100_000, ...errors });

    assert.equal(large.snapshot.waiting.length, small.snapshot.waiting.length);
    assert.deepEqual(
      [large.stats.httpRequests, large.stats.batchParts, large.stats.resourceUnits],
      [small.stats.httpRequests, small.stats.batchParts, small.stats.resourceUnits],
    );
  });
});
