import type { Config } from '../config';

/**
 * The one rule that lets everyone run admin commands: only in demo mode (the built-in demo tenant is
 * in use, no Graph credentials and no GRAPH_BASE_URL are set) and only when neither ADMIN_USER_IDS nor
 * ADMIN_GROUP_ID is set. Against a real tenant, no admins configured means nobody may change alerts.
 */
export function opensAdminCommandsToEveryone(config: Pick<Config, 'demoMode' | 'admins'>): boolean {
  return config.demoMode && config.admins.userIds.length === 0 && config.admins.groupId === null;
}
