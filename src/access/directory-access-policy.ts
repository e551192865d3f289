import { ForbiddenError, HeadroomError, MissingPermissionError, NotFoundError, UnavailableError, ValidationError } from '../errors';
import type { MissingPermissions } from '../missing-permissions';
import type { AccessPolicy } from './access-policy';
import type { GroupMembershipChecker } from './group-membership-checker';

export interface DirectoryAccessSettings {
  /** ADMIN_USER_IDS: Entra object ids of the admins. */
  adminUserIds: readonly string[];
  /** ADMIN_GROUP_ID: members (also through nested groups) are admins. */
  adminGroupId: string | null;
  /** APPROVER_GROUP_ID: members approve reservations; when null the admins do. */
  approverGroupId: string | null;
  /** Everyone with an Entra object id is an admin; see `opensAdminCommandsToEveryone`. */
  everyoneIsAdmin?: boolean;
  memberChecker: GroupMembershipChecker;
  /** How long an answer from the directory is reused, yes or no. Default 5 minutes. */
  cacheTtlMs?: number;
  /** Most (user, group) answers kept; the oldest goes first. Default 1,000. */
  maxCacheEntries?: number;
  now?: () => number;
  /** Told when a group check finds a Graph permission missing, and when checks work again. */
  missingPermissions?: MissingPermissions;
}

interface CachedAnswer {
  member: boolean;
  at: number;
}

const DEFAULT_TTL_MS = 5 * 60 * 1000;
const DEFAULT_MAX_ENTRIES = 1_000;

function normalizeId(aadObjectId: string | null): string | null {
  const id = aadObjectId?.trim().toLowerCase() ?? '';
  return id === '' ? null : id;
}

/**
 * Decides admins and approvers from configuration and Entra group membership (Graph
 * `checkMemberGroups`, transitive). Answers are cached briefly per user and group, both yes and no; a
 * failed lookup is never cached and never allows: it rejects with an `UnavailableError`.
 */
export class DirectoryAccessPolicy implements AccessPolicy {
  private readonly cache = new Map<string, CachedAnswer>();
  private readonly inFlight = new Map<string, Promise<boolean>>();
  private readonly adminUserIds: ReadonlySet<string>;
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(private readonly settings: DirectoryAccessSettings) {
    this.adminUserIds = new Set(settings.adminUserIds.map((id) => id.trim().toLowerCase()));
    this.ttlMs = settings.cacheTtlMs ?? DEFAULT_TTL_MS;
    this.maxEntries = Math.max(1, settings.maxCacheEntries ?? DEFAULT_MAX_ENTRIES);
    this.now = settings.now ?? Date.now;
  }

  async isAdmin(aadObjectId: string | null): Promise<boolean> {
    const userId = normalizeId(aadObjectId);
    if (userId === null) {
      return false;
    }
    if (this.settings.everyoneIsAdmin === true || this.adminUserIds.has(userId)) {
      return true;
    }
    if (this.settings.adminGroupId === null) {
      return false;
    }
    return this.isMember(userId, this.settings.adminGroupId, 'a Headroom admin');
  }

  async isApprover(aadObjectId: string | null): Promise<boolean> {
    if (this.settings.approverGroupId === null) {
      return this.isAdmin(aadObjectId);
    }
    const userId = normalizeId(aadObjectId);
    if (userId === null) {
      return false;
    }
    return this.isMember(userId, this.settings.approverGroupId, 'a reservation approver');
  }

  /** Cached entries, for tests of the bound. */
  get cachedAnswers(): number {
    return this.cache.size;
  }

  private async isMember(userId: string, groupId: string, role: string): Promise<boolean> {
    const key = `${groupId.toLowerCase()}|${userId}`;
    const cached = this.cache.get(key);
    if (cached !== undefined && this.now() - cached.at < this.ttlMs) {
      return cached.member;
    }
    const pending = this.inFlight.get(key);
    if (pending !== undefined) {
      return pending;
    }
    const lookup = this.lookUp(userId, groupId, role)
      .then((member) => {
        this.remember(key, member);
        return member;
      })
      .finally(() => {
        this.inFlight.delete(key);
      });
    this.inFlight.set(key, lookup);
    return lookup;
  }

  private async lookUp(userId: string, groupId: string, role: string): Promise<boolean> {
    try {
      const groups = await this.settings.memberChecker.checkMemberGroups(userId, [groupId]);
      this.settings.missingPermissions?.report('access', []);
      return groups.some((id) => id.toLowerCase() === groupId.toLowerCase());
    } catch (error) {
      if (error instanceof MissingPermissionError) {
        const names = error.permissions.join(' and ');
        this.settings.missingPermissions?.report(
          'access',
          error.permissions.map((permission) => ({ permission, effect: 'ADMIN_GROUP_ID and APPROVER_GROUP_ID checks are refused' })),
        );
        throw new ForbiddenError(
          `I can't check whether you are ${role}: Headroom's app registration lacks the Microsoft Graph application permission ` +
            `${names}, which checking group membership (ADMIN_GROUP_ID, APPROVER_GROUP_ID) needs. Nothing was changed. ` +
            `An administrator can grant admin consent for ${names}; admins listed in ADMIN_USER_IDS are not affected.`,
          { cause: error },
        );
      }
      // An id the directory does not know is simply not a member.
      if (error instanceof NotFoundError || error instanceof ValidationError) {
        return false;
      }
      const reason = error instanceof HeadroomError ? ` (${error.message})` : '';
      throw new UnavailableError(
        `I couldn't check whether you are ${role}: Microsoft Graph did not answer the group membership check${reason}. ` +
          'Nothing was changed; please try again in a minute.',
        { cause: error },
      );
    }
  }

  private remember(key: string, member: boolean): void {
    this.cache.delete(key);
    while (this.cache.size >= this.maxEntries) {
      const oldest = this.cache.keys().next();
      if (oldest.done === true) {
        break;
      }
      this.cache.delete(oldest.value);
    }
    this.cache.set(key, { member, at: this.now() });
  }
}
