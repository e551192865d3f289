import { GRAPH_CALLS } from './graph-permissions';

/** Whether the app's roles allow one reclaim write: granted (by which set), missing, or unknown (no token to read). */
export type WriteAccess = { status: 'granted'; by: readonly string[] } | { status: 'missing'; grant: readonly string[] } | { status: 'unknown' };

/** What RECLAIM_ACTIONS=on can do with the granted roles, and one sentence for people. */
export interface ReclaimWriteAccess {
  /** `assignLicense` removals: without them nothing can be reclaimed. */
  removals: WriteAccess;
  /** `reprocessLicenseAssignment` for waiting users after seats are freed: without it Entra retries on its own, later. */
  reprocess: WriteAccess;
  /** False only when removals are known to be missing. */
  ok: boolean;
  detail: string;
}

/**
 * Checks the token's `roles` against the permission table's rows for the two reclaim writes: a call is
 * allowed when the roles hold every permission of one of its allowed sets (so Directory.ReadWrite.All
 * counts too). Never calls Graph: a write cannot be probed without making it.
 */
export function checkReclaimWriteAccess(roles: readonly string[] | null): ReclaimWriteAccess {
  const removals = accessFor('assign-license', roles);
  const reprocess = accessFor('reprocess-license-assignment', roles);
  const parts: string[] = [];
  if (removals.status === 'missing') {
    parts.push(`RECLAIM_ACTIONS=on but ${removals.grant.join(' and ')} is not granted: approved reclaims would fail; grant it (admin consent) or set RECLAIM_ACTIONS=off`);
  } else if (removals.status === 'granted') {
    parts.push(`license removals are allowed (${removals.by.join(' and ')})`);
  }
  if (reprocess.status === 'missing') {
    parts.push(
      `${reprocess.grant.join(' and ')} is not granted, so waiting users are not reprocessed after seats are freed (Microsoft Entra retries on its own, later); grant it to close the loop at once`,
    );
  } else if (reprocess.status === 'granted') {
    parts.push(`waiting users are reprocessed after seats are freed (${reprocess.by.join(' and ')})`);
  }
  if (removals.status === 'unknown' && reprocess.status === 'unknown') {
    parts.push('the granted permissions are unknown without a Graph token (demo or loopback mode), so LicenseAssignment.ReadWrite.All and User.ReadWrite.All are not checked');
  }
  return { removals, reprocess, ok: removals.status !== 'missing', detail: `${parts.join('; ')}.` };
}

function accessFor(callId: string, roles: readonly string[] | null): WriteAccess {
  const call = GRAPH_CALLS.find((row) => row.id === callId);
  if (call === undefined || roles === null) {
    return { status: 'unknown' };
  }
  const held = new Set(roles.map((role) => role.toLowerCase()));
  const allowing = call.allowedBy.find((set) => set.every((permission) => held.has(permission.toLowerCase())));
  return allowing === undefined ? { status: 'missing', grant: call.needs } : { status: 'granted', by: allowing };
}
