import type { Logger } from '../logger';

/** Where the allowed tenants come from. */
export type AllowedTenants =
  | { kind: 'list'; tenantIds: readonly string[] }
  /** Demo mode with no allowlist configured: anyone may talk to the bot. */
  | { kind: 'any' }
  /** The tenant Graph reports for Headroom's own credentials, resolved on first use and retried until it works. */
  | { kind: 'graph-organization'; resolve: () => Promise<string> };

/**
 * Which Microsoft 365 tenants may talk to the bot. Activities from any other tenant get no reply and
 * change nothing.
 */
export class TenantAllowlist {
  private resolved: ReadonlySet<string> | null = null;

  constructor(
    private readonly source: AllowedTenants,
    private readonly logger: Logger,
  ) {
    if (source.kind === 'list') {
      this.resolved = new Set(source.tenantIds.map((id) => id.toLowerCase()));
    }
  }

  async allows(tenantId: string | null | undefined): Promise<boolean> {
    if (this.source.kind === 'any') {
      return true;
    }
    const tenants = await this.tenants();
    return typeof tenantId === 'string' && tenants.has(tenantId.toLowerCase());
  }

  private async tenants(): Promise<ReadonlySet<string>> {
    if (this.resolved) {
      return this.resolved;
    }
    if (this.source.kind !== 'graph-organization') {
      return new Set();
    }
    try {
      const organizationId = await this.source.resolve();
      this.resolved = new Set([organizationId.toLowerCase()]);
      this.logger.info('tenant allowlist resolved from Graph', { tenantId: organizationId });
      return this.resolved;
    } catch (error) {
      this.logger.warn('could not resolve the tenant allowlist from Graph; ignoring activities until it resolves', { error });
      return new Set();
    }
  }
}
