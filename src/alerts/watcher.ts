import { randomUUID } from 'node:crypto';
import type { LicenseService } from '../licenses/license-service';
import type { Logger } from '../logger';
import type { SkuHistoryStore } from '../licenses/sku-history-store';
import type { AlertSettingsStore } from './alert-settings-store';
import type { WatchedPlaceStore } from '../delivery/watched-place-store';
import type { AlertStateStore } from './alert-state-store';
import type { LeaseStore } from './lease-store';
import type { AlertSettings } from './alert-settings';
import { AlertTick } from './alert-tick';
import type { AlertTransition } from './alert-transition';
import type { PreTickHook, TickHook } from './tick-hook';
import { nodeTimerScheduler, type TimerScheduler } from './timer-scheduler';
import { WatcherLease } from './watcher-lease';

export interface WatcherOptions {
  store: SkuHistoryStore & AlertSettingsStore & WatchedPlaceStore & AlertStateStore & LeaseStore;
  licenses: Pick<LicenseService, 'figures'>;
  /** Sends the outbox after each tick. */
  dispatcher: { runOnce(): Promise<unknown> };
  logger: Logger;
  settings: AlertSettings;
  /** POLL_INTERVAL_SECONDS. */
  pollIntervalSeconds: number;
  clock?: () => Date;
  /** This process's name as the lease owner; random by default. */
  instanceId?: string;
  random?: () => number;
  hooks?: readonly TickHook[];
  /** Days of history the run-out forecast looks at. Default 30. */
  forecastWindowDays?: number;
  /** How often the lease is renewed (or, by a follower, tried) between ticks. Default: the poll interval, at most 10 s. */
  leaseRenewMs?: number;
  /** Timers for the tick schedule and the lease heartbeat; tests pass fake ones. Default: Node's, unreferenced. */
  scheduler?: TimerScheduler;
}

/** What /healthz shows about the watcher. */
export interface WatcherStatus {
  /** When the last tick started (ISO), on any instance role. */
  lastTickAt: string | null;
  /** When a tick last completed its work as the leader. */
  lastSuccessAt: string | null;
  /** Why the last tick failed; null after a successful one. */
  lastError: string | null;
  /** Whether this instance held the watcher lease at its last tick or lease renewal. */
  leader: boolean;
  /** This instance's name as the lease owner (the `owner` of the `watcher` lease row). */
  instanceId: string;
  running: boolean;
  pollIntervalSeconds: number;
}

/** What one tick did. */
export interface TickResult {
  leader: boolean;
  transitions: AlertTransition[];
  /** Outbox messages enqueued (one digest per active watched place). */
  messages: number;
  /** Why the tick failed; null when it worked (or another instance leads). */
  error: string | null;
}

/**
 * The watcher's schedule: every POLL_INTERVAL_SECONDS (with ±10% jitter) the instance holding the
 * `watcher` lease (`watcher-lease.ts`) runs one alert tick (`alert-tick.ts`) and then sends the outbox.
 * This class owns only the timers, the order of those steps and the status /healthz shows. A tick that
 * overruns its lease is still safe: state changes are conditional on the versions read, so two
 * overlapping ticks cannot both post a transition.
 */
export class Watcher {
  private readonly clock: () => Date;
  private readonly instanceId: string;
  private readonly random: () => number;
  private readonly scheduler: TimerScheduler;
  private readonly lease: WatcherLease;
  private readonly alertTick: AlertTick;
  private current: Promise<TickResult> | null = null;
  private cancelTick: (() => void) | null = null;
  private stopped = true;
  private state: Pick<WatcherStatus, 'lastTickAt' | 'lastSuccessAt' | 'lastError'> = {
    lastTickAt: null,
    lastSuccessAt: null,
    lastError: null,
  };

  constructor(private readonly options: WatcherOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.instanceId = options.instanceId ?? `headroom-${randomUUID()}`;
    this.random = options.random ?? Math.random;
    this.scheduler = options.scheduler ?? nodeTimerScheduler;
    this.lease = new WatcherLease({
      store: options.store,
      instanceId: this.instanceId,
      renewMs: options.leaseRenewMs ?? Math.min(this.intervalMs(), 10_000),
      logger: options.logger,
      clock: this.clock,
      scheduler: this.scheduler,
    });
    this.alertTick = new AlertTick(options);
    for (const hook of options.hooks ?? []) {
      this.alertTick.addHook(hook);
    }
  }

  /** Adds work to run after each tick's alert commit (the reservations feature plugs in here). */
  addHook(hook: TickHook): void {
    this.alertTick.addHook(hook);
  }

  /** Adds work to run at the start of each tick on the leader, before the figures are read. */
  addPreHook(hook: PreTickHook): void {
    this.alertTick.addPreHook(hook);
  }

  status(): WatcherStatus {
    return {
      ...this.state,
      leader: this.lease.isLeader(),
      instanceId: this.instanceId,
      running: !this.stopped,
      pollIntervalSeconds: this.options.pollIntervalSeconds,
    };
  }

  /** Runs one tick now, after any tick in progress. Never throws: a failure is logged and returned. */
  async tickOnce(): Promise<TickResult> {
    const previous = this.current;
    const next = (async () => {
      if (previous !== null) {
        await previous;
      }
      return this.tick();
    })();
    this.current = next;
    try {
      return await next;
    } finally {
      if (this.current === next) {
        this.current = null;
      }
    }
  }

  /** Ticks on a timer: the first soon after start (within 10 s), then every interval with jitter. */
  start(): void {
    if (!this.stopped) {
      return;
    }
    this.stopped = false;
    this.schedule(Math.min(this.intervalMs(), 10_000) * this.random());
    this.lease.startHeartbeat();
  }

  /** Stops the timers, lets the tick in progress finish and gives the lease up for another instance. */
  async stop(): Promise<void> {
    const wasRunning = !this.stopped;
    this.stopped = true;
    this.cancelTick?.();
    this.cancelTick = null;
    await this.lease.stopHeartbeat();
    await this.current;
    if (wasRunning) {
      await this.lease.release();
    }
  }

  private intervalMs(): number {
    return this.options.pollIntervalSeconds * 1000;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) {
      return;
    }
    this.cancelTick = this.scheduler(delayMs, () => {
      this.cancelTick = null;
      void this.tickOnce().finally(() => this.schedule(this.intervalMs() * (0.9 + 0.2 * this.random())));
    });
  }

  private async tick(): Promise<TickResult> {
    const { logger } = this.options;
    const now = this.clock();
    this.state.lastTickAt = now.toISOString();
    let result: TickResult = { leader: false, transitions: [], messages: 0, error: null };
    try {
      const leader = await this.lease.claim(now);
      if (!leader) {
        return result;
      }
      result = { leader: true, ...(await this.alertTick.run(now)), error: null };
      this.state.lastSuccessAt = now.toISOString();
      this.state.lastError = null;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.state.lastError = message;
      logger.error('watcher tick failed; the next tick will try again', { error });
      return { ...result, error: message };
    }
    try {
      await this.options.dispatcher.runOnce();
    } catch (error) {
      logger.error('sending the outbox after a tick failed; the dispatcher will try again', { error });
    }
    return result;
  }
}
