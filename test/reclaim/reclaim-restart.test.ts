import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoGraphServer, type DemoGraphServer } from '../../src/demo-tenant/demo-graph-server';
import { SqliteStore } from '../../src/store/sqlite-store';
import { APPROVER, BEN, CECIL, E3, startReclaimRig, type ReclaimRig } from './reclaim-rig';

const CHILD = join(__dirname, 'reclaim-crash-child.ts');
const ASSIGN = 'POST /v1.0/users/{id}/assignLicense';

/** Runs reclaim-crash-child.ts until it dies; resolves with how it ended. */
function runChild(env: Record<string, string>): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal, stderr }));
  });
}

function holdsDirectly(server: DemoGraphServer, userId: string): boolean {
  return server.tenant.findUser(userId)?.licenseAssignmentStates.some((s) => s.skuId === E3 && s.assignedByGroup === null) ?? false;
}

describe('Reclaim removals across a kill -9', function () {
  // The child starts through tsx; on a loaded machine that alone takes seconds.
  this.timeout(60_000);
  let dir: string;
  let server: DemoGraphServer;
  let store: SqliteStore;
  let rig: ReclaimRig;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'headroom-reclaim-kill-'));
    server = await startDemoGraphServer({ enableControl: true });
    store = new SqliteStore({ filename: join(dir, 'headroom.sqlite') });
    await store.migrate();
    rig = await startReclaimRig(store, () => new Date(), {}, server);
  });

  afterEach(async () => {
    await rig.feature.executor?.idle();
    await store.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function crashAt(point: 'before-call' | 'after-call', victim: string): Promise<string> {
    await rig.feature.hook(await rig.tick());
    const [request] = await store.listReclaimRequests({ statuses: ['open'] });
    assert.ok(request, 'the reclaim card was raised');
    const ended = await runChild({
      CRASH_AT: point,
      CRASH_USER: victim,
      CRASH_APPROVER: APPROVER.aadObjectId,
      CRASH_DB: join(dir, 'headroom.sqlite'),
      CRASH_GRAPH_URL: server.baseUrl,
      CRASH_REQUEST_ID: request.id,
    });
    assert.equal(ended.signal, 'SIGKILL', `the child should have died at ${point}; it ended with ${String(ended.code)}: ${ended.stderr}`);
    assert.equal((await store.getReclaimRequest(request.id))?.status, 'approved');
    // The dead instance's claim runs out (300 ms) before the restarted one may take over.
    await new Promise((resolve) => setTimeout(resolve, 400));
    return request.id;
  }

  it('settles a removal Graph made before the kill by reading the user, without calling assignLicense again', async () => {
    const requestId = await crashAt('after-call', BEN);
    assert.equal(server.stats.byEndpoint[ASSIGN], 1);
    assert.equal(holdsDirectly(server, BEN), false);
    assert.equal((await store.listRemovalIntents(requestId)).find((r) => r.userId === BEN)?.state, 'intended');

    await rig.feature.hook(await rig.tick());

    assert.equal(server.stats.byEndpoint[ASSIGN], 2, 'one call for Ben before the kill, one for Cecil after the restart');
    const removals = await store.listRemovalIntents(requestId);
    assert.deepEqual(removals.map((r) => [r.userId, r.state]), [[BEN, 'done'], [CECIL, 'failed']]);
    const audit = await store.listReclaimAudit(requestId);
    assert.match(audit.find((a) => a.action === 'removed')?.detail ?? '', /confirmed in Graph/);
    assert.equal((await store.getReclaimRequest(requestId))?.status, 'done');
  });

  it('calls Graph for a removal attempted but not sent before the kill, and never again for one already done', async () => {
    const requestId = await crashAt('before-call', CECIL);
    assert.equal(server.stats.byEndpoint[ASSIGN], 1, 'only Ben was sent before the kill');
    const before = await store.listRemovalIntents(requestId);
    assert.deepEqual(before.map((r) => [r.userId, r.state, r.attemptedAt !== null]), [[BEN, 'done', true], [CECIL, 'intended', true]]);

    await rig.feature.hook(await rig.tick());
    await rig.feature.hook(await rig.tick());

    assert.equal(server.stats.byEndpoint[ASSIGN], 2, 'Cecil once after the restart, Ben never again');
    assert.deepEqual((await store.listRemovalIntents(requestId)).map((r) => [r.userId, r.state]), [[BEN, 'done'], [CECIL, 'failed']]);
    assert.equal(holdsDirectly(server, CECIL), true);
  });
});
