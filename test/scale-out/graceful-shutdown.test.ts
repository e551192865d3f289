import assert from 'node:assert/strict';
import { CONTOSO_IDS } from '../../src/demo-tenant/contoso-tenant';
import { startDemoGraphServer, type DemoGraphServer } from '../../src/demo-tenant/demo-graph-server';
import { PostgresStore } from '../../src/store/postgres-store';
import { teamsActivity } from '../support/activity-factory';
import { LocalConnector } from '../support/local-connector';
import { requirePostgres, type TestDatabase } from '../support/postgres';
import { calmContoso } from '../support/watched-channel';
import { eventually, sleep, startHeadroomProcess, type HeadroomProcess } from './headroom-process';

const API_KEY = 'scale-out-test-key-0123456789abcdef';
const GRAPH_LATENCY_MS = 1500;

/** The JSON log lines of a process's output; other lines (Node's warnings) are left out. */
function jsonLines(output: string): Record<string, unknown>[] {
  return output.split('\n').flatMap((line) => {
    if (!line.startsWith('{')) {
      return [];
    }
    try {
      return [JSON.parse(line) as Record<string, unknown>];
    } catch {
      return [];
    }
  });
}

describe('graceful shutdown of one of two Headroom processes', function () {
  this.timeout(60_000);
  let database: TestDatabase | null = null;
  let graph: DemoGraphServer | null = null;
  let connector: LocalConnector | null = null;
  const instances: HeadroomProcess[] = [];

  before(async function () {
    database = await requirePostgres(this);
    graph = await startDemoGraphServer({ enableControl: true });
    calmContoso(graph.tenant);
    connector = await new LocalConnector().start();
  });

  after(async () => {
    await Promise.all(instances.map((instance) => instance.kill()));
    await connector?.stop();
    await graph?.close();
    await database?.drop();
  });

  async function start(name: string): Promise<HeadroomProcess> {
    const instance = await startHeadroomProcess(name, {
      DATABASE_URL: database?.url ?? '',
      GRAPH_BASE_URL: graph?.baseUrl ?? '',
      POLL_INTERVAL_SECONDS: '1',
      LICENSE_CACHE_SECONDS: '0',
      ADMIN_USER_IDS: CONTOSO_IDS.adminUserId,
      RESERVATION_SUGGESTIONS: 'off',
      HEADROOM_API_KEY: API_KEY,
    });
    instances.push(instance);
    return instance;
  }

  function ask(instance: HeadroomProcess, conversationId: string): Promise<Response> {
    const activity = teamsActivity({
      serviceUrl: connector?.url ?? '',
      tenantId: CONTOSO_IDS.tenantId,
      text: 'licenses',
      conversationId,
      userAadObjectId: CONTOSO_IDS.adminUserId,
    });
    return fetch(`${instance.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  }

  it('on SIGTERM answers new turns with 503, finishes the turn in flight, gives the lease up and exits 0', async () => {
    const first = await start('first');
    const leader = await eventually('the first instance to lead', async () => ((await first.health()).body.watcher.leader ? (await first.health()).body : undefined));
    const second = await start('second');
    graph?.setLatency(GRAPH_LATENCY_MS);

    const inFlight = ask(first, 'a:in-flight-turn');
    await sleep(300);
    const signalledAt = Date.now();
    first.child.kill('SIGTERM');
    await sleep(200);
    const [refusedTurn, refusedApi, health] = await Promise.all([
      ask(first, 'a:too-late'),
      fetch(`${first.url}/api/v1/licenses`, { headers: { authorization: `Bearer ${API_KEY}` } }),
      first.health(),
    ]);
    const answered = await inFlight;
    const exit = await first.exited;
    const exitedAfterMs = Date.now() - signalledAt;
    const store = new PostgresStore({ connectionString: database?.url ?? '' });
    const lease = await store.getLease('watcher');
    await store.close();
    graph?.setLatency(0);
    const successor = await eventually('the second instance to lead', async () => ((await second.health()).body.watcher.leader ? true : undefined));

    assert.equal(refusedTurn.status, 503);
    assert.equal(refusedApi.status, 503);
    assert.deepEqual([health.status, health.body.status], [503, 'draining']);
    assert.equal(answered.status, 200);
    assert.equal(connector?.calls.filter((call) => call.conversationId === 'a:in-flight-turn').length, 1);
    assert.equal(connector?.calls.filter((call) => call.conversationId === 'a:too-late').length, 0);
    assert.deepEqual(exit, { code: 0, signal: null }, first.output());
    assert.ok(exitedAfterMs < 10_000, `exited after ${exitedAfterMs} ms`);
    assert.ok(lease === null || lease.owner !== leader.watcher.instanceId, `the stopped instance still holds the lease: ${JSON.stringify(lease)}`);
    assert.equal(successor, true);
    const logged = jsonLines(first.output());
    assert.ok(
      logged.some((line) => line.msg === 'stopping Headroom' && line.reason === 'SIGTERM' && line.inFlight === 1),
      first.output(),
    );
    assert.ok(logged.some((line) => line.msg === 'Headroom stopped'), first.output());
  });
});
