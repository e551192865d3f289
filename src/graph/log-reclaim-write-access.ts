import type { Logger } from '../logger';
import { checkReclaimWriteAccess } from './reclaim-write-access';

/**
 * At start-up with RECLAIM_ACTIONS=on, says once whether the granted roles allow the reclaim writes:
 * a warning naming what to grant when removals or reprocessing are not allowed, an info line otherwise.
 * Says nothing when RECLAIM_ACTIONS is off. `grantedRoles` resolves to null without a readable token.
 */
export async function logReclaimWriteAccess(reclaimActions: boolean, grantedRoles: () => Promise<string[] | null>, logger: Logger): Promise<void> {
  if (!reclaimActions) {
    return;
  }
  const access = checkReclaimWriteAccess(await grantedRoles());
  const missing = [access.removals, access.reprocess].flatMap((write) => (write.status === 'missing' ? write.grant : []));
  if (missing.length > 0) {
    logger.warn(`reclaim actions: ${access.detail}`, { missingPermissions: missing });
  } else {
    logger.info(`reclaim actions are on: ${access.detail}`);
  }
}
