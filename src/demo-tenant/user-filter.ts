import type { DemoUser } from './demo-records';
import { GraphRequestError } from './graph-request-error';

/** A `$filter` on `/users` the demo understands. */
export interface UserFilter {
  matches(user: DemoUser): boolean;
  /** Graph answers it only as an advanced query (`ConsistencyLevel: eventual` and `$count=true`). */
  advanced: boolean;
  /** Filters on signInActivity: needs AuditLog.Read.All and a premium tenant. */
  readsSignInActivity: boolean;
}

const DISABLED_LICENSED = /^accountenabled eq false and assignedlicenses\/\$count ne 0$/;
const SIGNED_IN_BEFORE = /^signinactivity\/lastsuccessfulsignindatetime le (\d{4}-\d{2}-\d{2}t[0-9:.]+z)$/;
const NEVER_SIGNED_IN = /^signinactivity\/lastsuccessfulsignindatetime eq null$/;

/**
 * Parses the few `/users` filters Headroom's reclaim scan sends:
 * - `accountEnabled eq false and assignedLicenses/$count ne 0` (advanced: `ne` and `$count` on a collection);
 * - `signInActivity/lastSuccessfulSignInDateTime le {date}` and `... eq null`, which Graph supports on
 *   signInActivity only alone (not combined with other properties).
 * Anything else is refused with Graph's `Request_UnsupportedQuery`.
 */
export function parseUserFilter(filter: string): UserFilter {
  const normalized = filter.trim().replace(/\s+/g, ' ').toLowerCase();
  if (DISABLED_LICENSED.test(normalized)) {
    return {
      matches: (user) => !user.accountEnabled && assignedSkuCount(user) > 0,
      advanced: true,
      readsSignInActivity: false,
    };
  }
  const before = SIGNED_IN_BEFORE.exec(normalized);
  if (before !== null) {
    const cutoff = Date.parse((before[1] ?? '').toUpperCase());
    if (Number.isNaN(cutoff)) {
      throw new GraphRequestError(400, 'BadRequest', `Invalid DateTimeOffset literal in filter: '${filter}'.`);
    }
    return {
      matches: (user) => {
        const last = user.signInActivity?.lastSuccessfulSignInDateTime ?? null;
        return last !== null && Date.parse(last) <= cutoff;
      },
      advanced: false,
      readsSignInActivity: true,
    };
  }
  if (NEVER_SIGNED_IN.test(normalized)) {
    return {
      matches: (user) => (user.signInActivity?.lastSuccessfulSignInDateTime ?? null) === null,
      advanced: false,
      readsSignInActivity: true,
    };
  }
  throw new GraphRequestError(400, 'Request_UnsupportedQuery', `Unsupported or invalid query filter clause specified: '${filter}'.`);
}

/** The products a user holds (Graph's `assignedLicenses`: active assignments only). */
export function assignedSkuCount(user: DemoUser): number {
  return user.licenseAssignmentStates.filter((state) => state.state === 'Active' || state.state === 'ActiveWithError').length;
}
