import { randomUUID } from 'node:crypto';
import { buildAlertDigestCard, summarizeAlertDigest } from '../cards/alert-digest-card';
import { renderCard } from '../cards/render-card';
import type { ChatReply } from '../chat/chat-reply';
import { UnavailableError } from '../errors';
import { describeForecast, forecastRunOut } from '../licenses/forecast';
import type { LicenseService } from '../licenses/license-service';
import type { LicenseSnapshot } from '../licenses/license-snapshot';
import type { Logger } from '../logger';
import type { SkuThreshold, Store } from '../store/store';
import type { AlertSettings } from './alert-settings';
import type { AlertTransition } from './alert-transition';
import { buildAlertOutbox } from './build-alert-outbox';
import { evaluateAlerts } from './evaluate-alerts';
import type { TickHook } from './tick-hook';

export interface WatcherOptions {
  store: Store;
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

const LEASE_NAME = 'watcher';
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The watcher: every POLL_INTERVAL_SECONDS (with ±10% jitter) the instance holding the `watcher`
 * lease reads a fresh snapshot at low Graph priority, stores history, runs the alert rules against
 * the stored states, commits the state changes together with one digest per watched place, runs the
 * tick hooks and sends the outbox.
 *
 * One instance of many does the work through a lease row in the store rather than a database
 * advisory lock: SQLite has no advisory locks, a PostgreSQL advisory lock belongs to one pooled
 * session (and would pin a connection for the life of the process), and a process that hangs while
 * connected would keep such a lock forever. A lease row works the same in both stores and simply
 * expires when its holder dies.
 *
 * The lease has its own heartbeat, apart from the poll interval (15 minutes by default): every
 * `leaseRenewMs` (the interval, at most 10 s) the holder renews it for three renewal periods and every
 * other instance tries to take it. After a `kill -9` of the holder another instance therefore leads
 * within one TTL plus one renewal period (4/3 of a lease period), and a stop gives the lease up at
 * once. A tick that overruns its lease is still safe: state changes are conditional on the versions
 * read, so two overlapping ticks cannot both post a transition.
 */
export class Watcher {
  private readonly clock: () => Date;
  private readonly instanceId: string;
  private readonly random: () => number;
  private readonly hooks: TickHook[];
  private current: Promise<TickResult> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private leaseTimer: NodeJS.Timeout | null = null;
  private renewing: Promise<void> | null = null;
  private stopped = true;
  private state: Omit<WatcherStatus, 'running' | 'pollIntervalSeconds' | 'instanceId'> = {
    lastTickAt: null,
    lastSuccessAt: null,
    lastError: null,
    leader: false,
  };

  constructor(private readonly options: WatcherOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.instanceId = options.instanceId ?? `headroom-${randomUUID()}`;
    this.random = options.random ?? Math.random;
    this.hooks = [...(options.hooks ?? [])];
  }

  /** Adds work to run after each tick's alert commit (the reservations feature plugs in here). */
  addHook(hook: TickHook): void {
    this.hooks.push(hook);
  }

  status(): WatcherStatus {
    return { ...this.state, instanceId: this.instanceId, running: !this.stopped, pollIntervalSeconds: this.options.pollIntervalSeconds };
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
    this.scheduleLeaseRenewal(0);
  }

  /** Stops the timer, lets the tick in progress finish and gives the lease up for another instance. */
  async stop(): Promise<void> {
    const wasRunning = !this.stopped;
    this.stopped = true;
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.leaseTimer !== null) {
      clearTimeout(this.leaseTimer);
      this.leaseTimer = null;
    }
    // A renewal still in flight would take the lease again right after the release below.
    await this.renewing;
    await this.current;
    if (wasRunning && this.state.leader) {
      try {
        await this.options.store.releaseLease(LEASE_NAME, this.instanceId);
      } catch (error) {
        this.options.logger.warn('could not release the watcher lease', { error });
      }
      this.state.leader = false;
    }
  }

  private intervalMs(): number {
    return this.options.pollIntervalSeconds * 1000;
  }

  private leaseRenewMs(): number {
    return this.options.leaseRenewMs ?? Math.min(this.intervalMs(), 10_000);
  }

  private leaseTtlMs(): number {
    return 3 * this.leaseRenewMs();
  }

  /** Takes or renews the lease and records whether this instance leads. */
  private async claimLease(now: Date): Promise<boolean> {
    const leader = await this.options.store.tryAcquireLease(LEASE_NAME, this.instanceId, this.leaseTtlMs(), now.toISOString());
    if (leader !== this.state.leader) {
      this.options.logger.info(leader ? 'this instance now runs the watcher' : 'another instance runs the watcher', { instanceId: this.instanceId });
    }
    this.state.leader = leader;
    return leader;
  }

  private scheduleLeaseRenewal(delayMs: number): void {
    if (this.stopped) {
      return;
    }
    this.leaseTimer = setTimeout(() => {
      this.leaseTimer = null;
      const renewal = this.claimLease(this.clock()).then(
        () => undefined,
        (error: unknown) => this.options.logger.warn('could not renew the watcher lease; the next tick or renewal will try again', { error }),
      );
      this.renewing = renewal;
      void renewal.finally(() => {
        if (this.renewing === renewal) {
          this.renewing = null;
        }
        this.scheduleLeaseRenewal(this.leaseRenewMs());
      });
    }, delayMs);
    this.leaseTimer.unref();
  }

  private schedule(delayMs: number): void {
    if (this.stopped) {
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.tickOnce().finally(() => this.schedule(this.intervalMs() * (0.9 + 0.2 * this.random())));
    }, Math.max(0, Math.round(delayMs)));
    this.timer.unref();
  }

  private async tick(): Promise<TickResult> {
    const { logger } = this.options;
    const now = this.clock();
    this.state.lastTickAt = now.toISOString();
    let result: TickResult = { leader: false, transitions: [], messages: 0, error: null };
    try {
      const leader = await this.claimLease(now);
      if (!leader) {
        return result;
      }
      result = await this.evaluate(now);
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

  private async evaluate(now: Date): Promise<TickResult> {
    const { store, licenses, logger, settings } = this.options;
    const served = await licenses.figures({ fresh: true, priority: 'low' });
    if (served.stale) {
      throw new UnavailableError(`Microsoft Graph could not be read (${served.staleReason ?? 'unknown reason'}); alerts were not evaluated.`);
    }
    const { snapshot, figures } = served;
    await store.recordSnapshot(
      snapshot.takenAt,
      figures.map((sku) => ({ skuId: sku.skuId, purchased: sku.purchased, assigned: sku.assigned, available: sku.available, waiting: sku.waiting })),
    );
    const [previous, thresholdRecords] = await Promise.all([store.listAlertStates(), store.listThresholds()]);
    const thresholds = new Map<string, SkuThreshold>(thresholdRecords.map((record) => [record.skuId.toLowerCase(), record.threshold]));
    const waitingUnknown = (snapshot.problems ?? []).some((problem) => problem.unknown === 'waiting');
    const evaluation = evaluateAlerts({ previous, figures, subscriptions: snapshot.subscriptions, thresholds, now, settings, waitingUnknown });

    let messages = 0;
    if (evaluation.changes.length > 0) {
      const places = evaluation.transitions.length > 0 ? await store.listWatchedPlaces({ activeOnly: true }) : [];
      const outbox =
        places.length > 0 ? buildAlertOutbox(evaluation.transitions, places, await this.digest(evaluation.transitions, snapshot, now), now) : [];
      await store.commitAlertTransitions(evaluation.changes, outbox);
      messages = outbox.length;
      logger.info('alert states changed', {
        transitions: evaluation.transitions.map((t) => `${t.figures.skuPartNumber} ${t.condition} ${t.kind}`),
        stateChanges: evaluation.changes.length,
        messages,
      });
    }
    await this.runHooks({ figures, snapshot, now });
    return { leader: true, transitions: evaluation.transitions, messages, error: null };
  }

  private async digest(transitions: readonly AlertTransition[], snapshot: LicenseSnapshot, now: Date): Promise<ChatReply> {
    const forecasts = new Map<string, string>();
    const since = new Date(now.getTime() - (this.options.forecastWindowDays ?? 30) * DAY_MS).toISOString();
    const troubled = new Map(transitions.filter((t) => t.kind !== 'resolved').map((t) => [t.skuId.toLowerCase(), t.figures]));
    for (const [key, figures] of troubled) {
      const history = await this.options.store.listHistory(figures.skuId, since);
      const forecast = forecastRunOut(
        history.map((row) => ({ at: row.takenAt, assigned: row.assigned })),
        figures.purchased,
        now,
        { windowDays: this.options.forecastWindowDays },
      );
      if (forecast !== null && forecast.daysLeft > 0) {
        forecasts.set(key, describeForecast(forecast, figures.displayName, now));
      }
    }
    const meta = { tenantName: snapshot.tenant.displayName, asOf: snapshot.takenAt, remindHours: this.options.settings.remindHours, forecasts };
    return {
      card: renderCard('alert-digest', buildAlertDigestCard(transitions, meta)),
      summary: summarizeAlertDigest(transitions, meta),
    };
  }

  private async runHooks(context: Parameters<TickHook>[0]): Promise<void> {
    for (const hook of this.hooks) {
      try {
        await hook(context);
      } catch (error) {
        this.options.logger.error('a watcher tick hook failed', { error });
      }
    }
  }
}
