import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Watcher } from '../../src/alerts/watcher';
import { UnavailableError } from '../../src/errors';
import { silentLogger } from '../../src/logger';
import { createStore } from '../../src/store/create-store';
import type { Store } from '../../src/store/store';

const RENEW_MS = 50;

describe('Watcher lease', function () {
  this.timeout(10_000);
  let dataDir: string;
  let store: Store;
  let watchers: Watcher[];

  beforeEach(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'headroom-lease-'));
    store = await createStore({ databaseUrl: null, dataDir }, silentLogger);
    watchers = [];
  });

  afterEach(async () => {
    await Promise.all(watchers.map((watcher) => watcher.stop()));
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** A watcher polling hourly whose first tick is ~10 s away, so only the lease heartbeat runs during a test. */
  function startWatcher(name: string): Watcher {
    const watcher = new Watcher({
      store,
      licenses: { figures: () => Promise.reject(new UnavailableError('no Graph in this test')) },
      dispatcher: { runOnce: () => Promise.resolve() },
      logger: silentLogger,
      settings: { defaultThreshold: { kind: 'percent', value: 5 }, remindHours: 24, expiryWarningDays: 30 },
      pollIntervalSeconds: 3600,
      instanceId: name,
      random: () => 0.999,
      leaseRenewMs: RENEW_MS,
    });
    watchers.push(watcher);
    watcher.start();
    return watcher;
  }

  async function until(what: string, check: () => Promise<boolean> | boolean): Promise<void> {
    const deadline = Date.now() + 5_000;
    while (!(await check())) {
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting for ${what}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  it('takes over a dead holder\'s lease once it expires, long before the next poll', async () => {
    await store.tryAcquireLease('watcher', 'killed-instance', 3 * RENEW_MS, new Date().toISOString());
    const survivor = startWatcher('survivor');

    await until('the survivor to lead', () => survivor.status().leader);

    assert.equal((await store.getLease('watcher'))?.owner, 'survivor');
    assert.equal(survivor.status().lastTickAt, null);
  });

  it('keeps renewing the lease between ticks, so a live leader is never replaced', async () => {
    const leader = startWatcher('leader');
    await until('the first watcher to lead', () => leader.status().leader);
    const follower = startWatcher('follower');

    await new Promise((resolve) => setTimeout(resolve, 10 * RENEW_MS));

    assert.equal((await store.getLease('watcher'))?.owner, 'leader');
    assert.deepEqual([leader.status().leader, follower.status().leader], [true, false]);
  });

  it('gives the lease up on stop, so another instance leads at its next renewal', async () => {
    const leader = startWatcher('leader');
    await until('the first watcher to lead', () => leader.status().leader);
    const follower = startWatcher('follower');

    await leader.stop();
    const afterStop = await store.getLease('watcher');
    await until('the follower to lead', () => follower.status().leader);

    assert.notEqual(afterStop?.owner, 'leader');
    assert.equal(leader.status().leader, false);
    assert.equal((await store.getLease('watcher'))?.owner, 'follower');
  });
});
