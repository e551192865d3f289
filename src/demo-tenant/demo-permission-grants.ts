import { ValidationError } from '../errors';

/** What a caller of the demo Graph holds: every permission, or exactly these. */
export type GrantedPermissions = { kind: 'all' } | { kind: 'only'; permissions: ReadonlySet<string> };

const PERMISSION_NAME = /^[A-Za-z][A-Za-z0-9-]*(?:\.[A-Za-z][A-Za-z0-9-]*)+$/;

/**
 * The application permissions granted to token-less callers of the demo Graph (demo mode, tests),
 * set through `POST /_demo/permissions`. Starts with everything granted.
 */
export class DemoPermissionGrants {
  private current: GrantedPermissions = { kind: 'all' };

  get granted(): GrantedPermissions {
    return this.current;
  }

  /** Grants exactly `permissions`; refuses anything that is not a list of permission names. */
  grantOnly(permissions: unknown): void {
    this.current = { kind: 'only', permissions: new Set(readPermissionNames(permissions)) };
  }

  grantAll(): void {
    this.current = { kind: 'all' };
  }

  describe(): { granted: string[] | 'all' } {
    return { granted: this.current.kind === 'all' ? 'all' : [...this.current.permissions].sort() };
  }
}

/** True when `granted` holds every permission of at least one of the sets. */
export function allowsAnyOf(granted: GrantedPermissions, anyOf: readonly (readonly string[])[]): boolean {
  if (granted.kind === 'all') {
    return true;
  }
  const held = new Set([...granted.permissions].map((name) => name.toLowerCase()));
  return anyOf.some((set) => set.every((permission) => held.has(permission.toLowerCase())));
}

/** Validates a list of permission names such as `Organization.Read.All`. */
export function readPermissionNames(value: unknown): string[] {
  if (!Array.isArray(value) || value.length > 100) {
    throw new ValidationError('granted must be a list of at most 100 permission names, such as ["Organization.Read.All"]');
  }
  return value.map((item: unknown) => {
    if (typeof item !== 'string' || item.length > 100 || !PERMISSION_NAME.test(item)) {
      throw new ValidationError(`"${String(item).slice(0, 60)}" is not a permission name such as Organization.Read.All`);
    }
    return item;
  });
}
