import type { LicenseSnapshot } from './license-snapshot';

/** Options for one read of the tenant's licenses. */
export interface ReadOptions {
  /** Background reads (the watcher) ask Graph for low throttle priority. */
  priority?: 'normal' | 'low';
}

/** Reads a fresh license snapshot of the tenant. The Graph adapter implements it. */
export interface LicenseReader {
  readSnapshot(options?: ReadOptions): Promise<LicenseSnapshot>;
  /** Only the tenant's identity: cheap, and needs no license permission. */
  readTenant(): Promise<LicenseSnapshot['tenant']>;
}
