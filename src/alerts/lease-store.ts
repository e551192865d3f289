import type { Lease } from './lease';

/** Named leases, so one instance of many runs the watcher. */
export interface LeaseStore {
  /** Takes the lease when it is free, expired or already ours, and (re)sets its expiry to now + ttlMs. */
  tryAcquireLease(name: string, owner: string, ttlMs: number, now: string): Promise<boolean>;
  /** Gives the lease up if we hold it. True when we did. */
  releaseLease(name: string, owner: string): Promise<boolean>;
  getLease(name: string): Promise<Lease | null>;
}
