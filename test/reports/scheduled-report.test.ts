import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startHeadroom, type RunningHeadroom } from '../../src/app';
import { loadConfig } from '../../src/config';
import { startDemoGraphServer, type DemoGraphServer } from '../../src/demo-tenant/demo-graph-server';
import { silentLogger } from '../../src/logger';
import { reportDedupeKey } from '../../src/reports/report-tick-hook';
import { createStore } from '../../src/store/create-store';
import type { ConnectorCall } from '../support/local-connector';
import { LocalConnector } from '../support/local-connector';
import { requirePostgres, type TestDatabase } from '../support/postgres';
import { calmContoso, watchChannel } from '../support/watched-channel';

/** 2030-01-07 is a Monday. */
const MONDAY = '2030-01-07';

function isReport(call: ConnectorCall): boolean {
  return String(call.body.summary ?? '').startsWith('License report');
}

describe('The scheduled license report on PostgreSQL with two instances', function () {
  this.timeout(60_000);
  let database: TestDatabase;
  let graph: DemoGraphServer;
  let connector: LocalConnector;
  let dataDir: string;
  let clock: Date;
  const running = new Set<RunningHeadroom>();
  let channel: string;

  beforeEach(async function () {
    database = await requirePostgres(this);
    graph = await startDemoGraphServer({});
    connector = await new LocalConnector().start();
    dataDir = mkdtempSync(path.join(tmpdir(), 'headroom-report-'));
    calmContoso(graph.tenant);
    const store = await createStore({ databaseUrl: database.url, dataDir }, silentLogger);
    await store.migrate();
    channel = await watchChannel(store, connector.url, `19:report-${Math.random().toString(36).slice(2)}@thread.tacv2`);
    await store.close();
  });

  afterEach(async () => {
    await Promise.all([...running].map((instance) => instance.stop()));
    running.clear();
    await graph.close();
    await connector.stop();
    rmSync(dataDir, { recursive: true, force: true });
    await database.drop();
  });

  async function start(env: Record<string, string> = {}): Promise<RunningHeadroom> {
    const config = {
      ...loadConfig({
        GRAPH_BASE_URL: graph.baseUrl,
        DATA_DIR: dataDir,
        DATABASE_URL: database.url,
        LICENSE_CACHE_SECONDS: '0',
        RESERVATION_SUGGESTIONS: 'off',
        ...env,
      }),
      port: 0,
    };
    const instance = await startHeadroom(config, { logger: silentLogger, now: () => clock, alerts: { autoStart: false, claimLeaseMs: 200 } });
    running.add(instance);
    return instance;
  }

  async function stop(instance: RunningHeadroom): Promise<void> {
    running.delete(instance);
    await instance.stop('restart');
  }

  async function tickAll(instances: readonly RunningHeadroom[], at: string): Promise<void> {
    clock = new Date(at);
    await Promise.all(instances.map((instance) => instance.watcher.tickOnce()));
    await Promise.all(instances.map((instance) => instance.outbox.runOnce()));
  }

  async function reportsIn(instance: RunningHeadroom): Promise<string[]> {
    return (await instance.store.listOutbox()).filter((message) => message.dedupeKey.startsWith('report:')).map((message) => message.dedupeKey);
  }

  it('sends exactly one report at Monday 09:00 with two instances and a restart at 08:59:59', async () => {
    clock = new Date('2029-12-31T09:00:00Z');
    let first = await start();
    const second = await start();
    // The previous Monday's report went out as scheduled.
    await tickAll([first, second], '2029-12-31T09:00:00Z');
    assert.equal(connector.sent().filter(isReport).length, 1);
    await tickAll([first, second], `${MONDAY}T08:59:00Z`);
    assert.equal(connector.sent().filter(isReport).length, 1, 'nothing new before 09:00');

    await stop(first);
    clock = new Date(`${MONDAY}T08:59:59Z`);
    first = await start();
    await tickAll([first, second], `${MONDAY}T08:59:59Z`);
    assert.equal(connector.sent().filter(isReport).length, 1, 'nothing new at 08:59:59');

    // Every tick after 09:00, whichever instance leads, sees the same period.
    await tickAll([first, second], `${MONDAY}T09:00:00Z`);
    await tickAll([second, first], `${MONDAY}T09:15:00Z`);
    await tickAll([first, second], `${MONDAY}T13:00:00Z`);
    await stop(first);
    const third = await start();
    await tickAll([third, second], `${MONDAY}T13:15:00Z`);

    const reports = connector.sent().filter(isReport);
    assert.equal(reports.length, 2);
    assert.ok(reports.every((report) => report.conversationId === channel));
    assert.deepEqual((await reportsIn(second)).sort(), [reportDedupeKey(channel, '2029-12-31'), reportDedupeKey(channel, MONDAY)]);
  });

  it('sends the missed report once when Headroom comes back within the period, and the next one the next Monday', async () => {
    // Down over Monday 09:00; back on Wednesday.
    clock = new Date('2030-01-09T10:00:00Z');
    const instance = await start();
    await tickAll([instance], '2030-01-09T10:00:00Z');
    await tickAll([instance], '2030-01-09T10:15:00Z');
    assert.equal(connector.sent().filter(isReport).length, 1);

    await tickAll([instance], '2030-01-14T08:59:59Z');
    assert.equal(connector.sent().filter(isReport).length, 1);
    await tickAll([instance], '2030-01-14T09:00:00Z');
    assert.equal(connector.sent().filter(isReport).length, 2);
    assert.deepEqual((await reportsIn(instance)).sort(), [reportDedupeKey(channel, '2030-01-07'), reportDedupeKey(channel, '2030-01-14')]);
  });

  it('sends at 09:00 in REPORT_TIMEZONE and nothing when REPORT_SCHEDULE is off', async () => {
    clock = new Date(`${MONDAY}T07:00:00Z`);
    const berlin = await start({ REPORT_TIMEZONE: 'Europe/Berlin' });
    // 07:59 UTC is 08:59 in Berlin (UTC+1 in January): still the previous week's period.
    await tickAll([berlin], `${MONDAY}T07:59:00Z`);
    assert.deepEqual(await reportsIn(berlin), [reportDedupeKey(channel, '2029-12-31')]);
    await tickAll([berlin], `${MONDAY}T08:00:00Z`);
    assert.deepEqual((await reportsIn(berlin)).sort(), [reportDedupeKey(channel, '2029-12-31'), reportDedupeKey(channel, MONDAY)]);
    await stop(berlin);

    const off = await start({ REPORT_SCHEDULE: 'off' });
    await tickAll([off], '2030-01-14T09:30:00Z');
    assert.equal((await reportsIn(off)).length, 2);
    assert.equal(connector.sent().filter(isReport).length, 2);
  });
});
