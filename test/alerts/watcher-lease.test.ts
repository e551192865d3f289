import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClock, type Clock } from '@sinonjs/fake-timers';
import type { TimerScheduler } from '../../src/alerts/timer-scheduler';
import { Watcher } from '../../src/alerts/watcher';
import { UnavailableError } from '../../src/errors';
import { silentLogger } from '../../src/logger';
import { createStore } from '../../src/store/create-store';
import type { Store } from '../../src/store/store';

const RENEW_MS = 10_000;
const START = Date.parse('2026-05-01T09:00:00Z');

/** Timers on a fake clock: time moves only when a test ticks it. */
function schedulerOn(clock: Clock): TimerScheduler {
  return (delayMs, run) => {
    const id = clock.setTimeout(run, delayMs);
    return () => clock.clearTimeout(id);
  };
}

describe('Watcher lease', () => {
  let dataDir: string;
  let store: Store;
  let clock: Clock;
  let watchers: Watcher[];

  beforeEach(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'headroom-lease-'));
    store = await createStore({ databaseUrl: null, dataDir }, silentLogger);
    clock = createClock(START);
    watchers = [];
  });

  afterEach(async () => {
    await Promise.all(watchers.map((watcher) => watcher.stop()));
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** A watcher polling hourly whose first tick is ~10 s away, so only the lease heartbeat runs before then. */
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
      clock: () => new Date(clock.now),
      scheduler: schedulerOn(clock),
    });
    watchers.push(watcher);
    watcher.start();
    return watcher;
  }

  it('claims a free lease at start, before the first tick', async () => {
    const watcher = startWatcher('first');

    await clock.tickAsync(0);

    assert.equal(watcher.status().leader, true);
    assert.equal((await store.getLease('watcher'))?.owner, 'first');
    assert.equal(watcher.status().lastTickAt, null);
  });

  it('takes over a dead holder\'s lease once it expires, and not before', async () => {
    await store.tryAcquireLease('watcher', 'killed-instance', 3 * RENEW_MS, new Date(clock.now).toISOString());
    const survivor = startWatcher('survivor');

    await clock.tickAsync(3 * RENEW_MS - 1);
    const beforeExpiry = survivor.status().leader;
    await clock.tickAsync(1);

    assert.equal(beforeExpiry, false);
    assert.equal(survivor.status().leader, true);
    assert.equal((await store.getLease('watcher'))?.owner, 'survivor');
  });

  it('keeps renewing the lease between ticks, so a live leader is never replaced', async () => {
    const leader = startWatcher('leader');
    await clock.tickAsync(0);
    const follower = startWatcher('follower');

    await clock.tickAsync(10 * RENEW_MS);

    assert.equal((await store.getLease('watcher'))?.owner, 'leader');
    assert.deepEqual([leader.status().leader, follower.status().leader], [true, false]);
  });

  it('gives the lease up on stop, so another instance leads at its next renewal', async () => {
    const leader = startWatcher('leader');
    await clock.tickAsync(0);
    const follower = startWatcher('follower');
    await clock.tickAsync(0);

    await leader.stop();
    const afterStop = await store.getLease('watcher');
    await clock.tickAsync(RENEW_MS);

    assert.equal(afterStop, null);
    assert.equal(leader.status().leader, false);
    assert.equal(follower.status().leader, true);
    assert.equal((await store.getLease('watcher'))?.owner, 'follower');
  });

  it('runs its first tick within ten seconds of start, as the lease holder', async () => {
    const watcher = startWatcher('ticker');

    await clock.tickAsync(10_000);

    assert.equal(watcher.status().lastTickAt, new Date(START + Math.round(10_000 * 0.999)).toISOString());
    assert.match(watcher.status().lastError ?? '', /no Graph in this test/);
    assert.equal(watcher.status().leader, true);
  });

  it('leaves no timer behind after stop', async () => {
    const watcher = startWatcher('stopper');
    await clock.tickAsync(0);

    await watcher.stop();

    assert.equal(clock.countTimers(), 0);
    assert.equal(watcher.status().running, false);
  });
});
