import type { Logger } from '../logger';
import type { LeaseStore } from './lease-store';
import type { TimerScheduler } from './timer-scheduler';

const LEASE_NAME = 'watcher';

export interface WatcherLeaseOptions {
  store: Pick<LeaseStore, 'tryAcquireLease' | 'releaseLease'>;
  /** This process's name as the lease owner. */
  instanceId: string;
  /** How often the holder renews the lease, and a follower tries to take it. */
  renewMs: number;
  logger: Logger;
  clock: () => Date;
  scheduler: TimerScheduler;
}

/**
 * The `watcher` lease: which one of several instances runs the watcher's ticks.
 *
 * It is a lease row in the store rather than a database advisory lock: SQLite has no advisory locks, a
 * PostgreSQL advisory lock belongs to one pooled session (and would pin a connection for the life of
 * the process), and a process that hangs while connected would keep such a lock forever. A lease row
 * works the same in both stores and simply expires when its holder dies.
 *
 * The lease has its own heartbeat, apart from the poll interval (15 minutes by default): every
 * `renewMs` the holder renews it for three renewal periods and every other instance tries to take it.
 * After a `kill -9` of the holder another instance therefore leads within one TTL plus one renewal
 * period (4/3 of a lease period), and `release` gives the lease up at once.
 */
export class WatcherLease {
  private leader = false;
  private cancelRenewal: (() => void) | null = null;
  private renewing: Promise<void> | null = null;
  private beating = false;

  constructor(private readonly options: WatcherLeaseOptions) {}

  /** Whether this instance held the lease at its last claim or renewal. */
  isLeader(): boolean {
    return this.leader;
  }

  /** Takes or renews the lease at `now` and records whether this instance leads. */
  async claim(now: Date): Promise<boolean> {
    const { store, instanceId, logger } = this.options;
    const leader = await store.tryAcquireLease(LEASE_NAME, instanceId, 3 * this.options.renewMs, now.toISOString());
    if (leader !== this.leader) {
      logger.info(leader ? 'this instance now runs the watcher' : 'another instance runs the watcher', { instanceId });
    }
    this.leader = leader;
    return leader;
  }

  /** Claims the lease at once, then every `renewMs`, until `stopHeartbeat`. */
  startHeartbeat(): void {
    if (this.beating) {
      return;
    }
    this.beating = true;
    this.scheduleRenewal(0);
  }

  /** Stops renewing and waits for a renewal in flight, so none takes the lease after a release. */
  async stopHeartbeat(): Promise<void> {
    this.beating = false;
    this.cancelRenewal?.();
    this.cancelRenewal = null;
    await this.renewing;
  }

  /** Gives the lease up, if held, so another instance leads at its next renewal. Never throws. */
  async release(): Promise<void> {
    if (!this.leader) {
      return;
    }
    try {
      await this.options.store.releaseLease(LEASE_NAME, this.options.instanceId);
    } catch (error) {
      this.options.logger.warn('could not release the watcher lease', { error });
    }
    this.leader = false;
  }

  private scheduleRenewal(delayMs: number): void {
    if (!this.beating) {
      return;
    }
    this.cancelRenewal = this.options.scheduler(delayMs, () => {
      this.cancelRenewal = null;
      const renewal = this.claim(this.options.clock()).then(
        () => undefined,
        (error: unknown) => this.options.logger.warn('could not renew the watcher lease; the next tick or renewal will try again', { error }),
      );
      this.renewing = renewal;
      void renewal.finally(() => {
        if (this.renewing === renewal) {
          this.renewing = null;
        }
        this.scheduleRenewal(this.options.renewMs);
      });
    });
  }
}
