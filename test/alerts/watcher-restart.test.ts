import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startHeadroom, type RunningHeadroom } from '../../src/app';
import { loadConfig } from '../../src/config';
import { startDemoGraphServer, type DemoGraphServer } from '../../src/demo-tenant/demo-graph-server';
import { silentLogger } from '../../src/logger';
import { createStore } from '../../src/store/create-store';
import { LocalConnector } from '../support/local-connector';
import { calmContoso, watchChannel } from '../support/watched-channel';

const CHILD = path.join(__dirname, 'crash-child.ts');

/** Runs crash-child.ts until it dies; resolves with how it ended. */
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

describe('Watcher across restarts', function () {
  // Each test starts a child process through tsx; on a loaded machine that alone takes seconds.
  this.timeout(60_000);
  let graph: DemoGraphServer;
  let connector: LocalConnector;
  let dataDir: string;
  /** The restarted Headroom, from the moment it starts: stopped after each test even if the test timed out while it was starting. */
  let starting: Promise<RunningHeadroom> | null;

  beforeEach(async () => {
    graph = await startDemoGraphServer({});
    connector = await new LocalConnector().start();
    dataDir = mkdtempSync(path.join(tmpdir(), 'headroom-restart-'));
    starting = null;
    const store = await createStore({ databaseUrl: null, dataDir }, silentLogger);
    await watchChannel(store, connector.url);
    await store.close();
    calmContoso(graph.tenant);
    graph.tenant.updateSku('SPE_E3', { consumedUnits: 490 });
  });

  afterEach(async () => {
    const running = await starting?.catch(() => null);
    await running?.stop();
    await graph.close();
    await connector.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function restart(): Promise<RunningHeadroom> {
    const config = { ...loadConfig({ GRAPH_BASE_URL: graph.baseUrl, DATA_DIR: dataDir, LICENSE_CACHE_SECONDS: '0', RESERVATION_SUGGESTIONS: 'off' }), port: 0 };
    // The dead process still holds the watcher lease (three poll intervals) and its outbox claim;
    // the new process starts an hour later, when both have run out.
    const later = (): Date => new Date(Date.now() + 60 * 60_000);
    starting = startHeadroom(config, { logger: silentLogger, now: later, alerts: { autoStart: false, claimLeaseMs: 200 } });
    return starting;
  }

  it('sends a warning again once when the process died between send and mark, and never raises it twice', async () => {
    const crash = await runChild({ CRASH_AT: 'after-send', CRASH_GRAPH_URL: graph.baseUrl, CRASH_DATA_DIR: dataDir });
    const sentBeforeRestart = connector.sent().length;

    const headroom = await restart();
    const tick = await headroom.watcher.tickOnce();
    await headroom.watcher.tickOnce();

    assert.equal(crash.signal, 'SIGKILL', crash.stderr);
    assert.equal(sentBeforeRestart, 1);
    assert.deepEqual(tick.transitions, []);
    assert.equal(connector.sent().length, 2);
    const outbox = await headroom.store.listOutbox();
    assert.equal(outbox.length, 1);
    assert.notEqual(outbox[0].sentAt, null);
  });

  it('never repeats a warning marked sent before the process died', async () => {
    const crash = await runChild({ CRASH_AT: 'after-mark', CRASH_GRAPH_URL: graph.baseUrl, CRASH_DATA_DIR: dataDir });

    const headroom = await restart();
    const tick = await headroom.watcher.tickOnce();
    await headroom.outbox.runOnce();

    assert.equal(crash.signal, 'SIGKILL', crash.stderr);
    assert.deepEqual(tick.transitions, []);
    assert.equal(connector.sent().length, 1);
    assert.deepEqual((await headroom.store.listAlertStates()).map((s) => `${s.condition} ${s.status}`), ['low active']);
  });

  it('posts the recovery after a restart from the state the previous process left', async () => {
    await runChild({ CRASH_AT: 'after-mark', CRASH_GRAPH_URL: graph.baseUrl, CRASH_DATA_DIR: dataDir });
    graph.tenant.updateSku('SPE_E3', { consumedUnits: 250 });

    const headroom = await restart();
    const tick = await headroom.watcher.tickOnce();

    assert.deepEqual(tick.transitions.map((t) => `${t.condition} ${t.kind}`), ['low resolved']);
    assert.equal(connector.sent().length, 2);
  });
});
