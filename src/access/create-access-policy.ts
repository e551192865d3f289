import type { Config } from '../config';
import type { Logger } from '../logger';
import type { MissingPermissions } from '../missing-permissions';
import type { AccessPolicy } from './access-policy';
import { DirectoryAccessPolicy } from './directory-access-policy';
import type { GroupMembershipChecker } from './group-membership-checker';
import { opensAdminCommandsToEveryone } from './opens-admin-commands-to-everyone';

/** Builds the access policy from configuration and says at start-up who may change alerts. */
export function createAccessPolicy(
  config: Pick<Config, 'demoMode' | 'admins' | 'reservations'>,
  memberChecker: GroupMembershipChecker,
  logger: Logger,
  missingPermissions?: MissingPermissions,
): AccessPolicy {
  const everyoneIsAdmin = opensAdminCommandsToEveryone(config);
  if (everyoneIsAdmin) {
    logger.warn(
      'DEMO MODE WITH NO ADMINS: neither ADMIN_USER_IDS nor ADMIN_GROUP_ID is set, so ANYONE who can talk to the bot may ' +
        'run admin commands (watch here, unwatch, alert thresholds, mute). This applies only to the built-in demo tenant; ' +
        'set ADMIN_USER_IDS or ADMIN_GROUP_ID to restrict it.',
    );
  } else if (config.admins.userIds.length === 0 && config.admins.groupId === null) {
    logger.warn('no admins are configured (ADMIN_USER_IDS, ADMIN_GROUP_ID): nobody can change alerts from chat');
  }
  return new DirectoryAccessPolicy({
    adminUserIds: config.admins.userIds,
    adminGroupId: config.admins.groupId,
    approverGroupId: config.reservations.approverGroupId,
    everyoneIsAdmin,
    memberChecker,
    missingPermissions,
  });
}
