import type { Logger } from './logger';

/** One Microsoft Graph application permission Headroom found missing, and what it costs. */
export interface MissingPermission {
  permission: string;
  effect: string;
}

/** Where Headroom noticed: the license snapshot, an admin/approver group check, or the reclaim scan. */
export type PermissionSource = 'snapshot' | 'access' | 'reclaim';

/**
 * The Graph permissions Headroom currently lacks, as its reads find out. Each source reports what it
 * saw on every read; a change is logged once (a warning when a permission goes missing, an info line
 * when it is back), never on every read. `/healthz` shows the list as `graph.missingPermissions`.
 */
export class MissingPermissions {
  private readonly bySource = new Map<PermissionSource, MissingPermission[]>();

  constructor(private readonly logger: Logger) {}

  /** What `source` found missing on its latest read (empty: nothing missing). */
  report(source: PermissionSource, missing: readonly MissingPermission[]): void {
    const before = new Set(this.names());
    this.bySource.set(source, [...missing]);
    const after = new Set(this.names());
    for (const item of this.list()) {
      if (!before.has(item.permission)) {
        this.logger.warn(
          `Microsoft Graph permission ${item.permission} is missing: ${item.effect}. Grant it to Headroom's app registration ` +
            '(admin consent); `npm run doctor` lists what is granted',
          { permission: item.permission, source },
        );
      }
    }
    for (const name of before) {
      if (!after.has(name)) {
        this.logger.info(`Microsoft Graph permission ${name} works again`, { permission: name, source });
      }
    }
  }

  /** Every missing permission once, in the order first reported. */
  list(): MissingPermission[] {
    const seen = new Map<string, MissingPermission>();
    for (const items of this.bySource.values()) {
      for (const item of items) {
        if (!seen.has(item.permission)) {
          seen.set(item.permission, item);
        }
      }
    }
    return [...seen.values()];
  }

  names(): string[] {
    return this.list().map((item) => item.permission);
  }
}
