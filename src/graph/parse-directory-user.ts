import { UnavailableError } from '../errors';
import type { DirectoryLicense, DirectoryUser } from '../reclaim/reclaim-directory';

/** The user properties the reclaim reads select (signInActivity only where it may be read). */
export const DIRECTORY_USER_FIELDS = 'id,displayName,userPrincipalName,accountEnabled,createdDateTime,assignedLicenses,licenseAssignmentStates';

/** A Graph user as the reclaim scan needs it; a user without an id is an odd answer. */
export function parseDirectoryUser(item: unknown): DirectoryUser {
  if (typeof item !== 'object' || item === null || !('id' in item) || typeof item.id !== 'string') {
    throw new UnavailableError('Microsoft Graph listed a user without an id.');
  }
  const record = item as Record<string, unknown>;
  const text = (name: string): string | null => (typeof record[name] === 'string' ? record[name] : null);
  return {
    id: item.id,
    userPrincipalName: text('userPrincipalName') ?? item.id,
    displayName: text('displayName') ?? text('userPrincipalName') ?? item.id,
    // Graph always returns accountEnabled when selected; a missing value is read as enabled (never reclaimed as disabled).
    accountEnabled: record['accountEnabled'] !== false,
    createdDateTime: text('createdDateTime'),
    lastSuccessfulSignIn: lastSuccessfulSignIn(record['signInActivity']),
    licenses: activeLicenses(record['licenseAssignmentStates'], record['assignedLicenses']),
  };
}

function lastSuccessfulSignIn(activity: unknown): string | null {
  if (typeof activity !== 'object' || activity === null || !('lastSuccessfulSignInDateTime' in activity)) {
    return null;
  }
  return typeof activity.lastSuccessfulSignInDateTime === 'string' ? activity.lastSuccessfulSignInDateTime : null;
}

/**
 * Active assignments from `licenseAssignmentStates` (direct or by group). When Graph left the states
 * out, `assignedLicenses` still says which products are held; they are then taken as direct.
 */
function activeLicenses(states: unknown, assigned: unknown): DirectoryLicense[] {
  if (Array.isArray(states)) {
    const licenses: DirectoryLicense[] = [];
    for (const state of states as unknown[]) {
      if (typeof state !== 'object' || state === null) {
        continue;
      }
      const entry = state as Record<string, unknown>;
      const active = entry['state'] === 'Active' || entry['state'] === 'ActiveWithError';
      if (active && typeof entry['skuId'] === 'string') {
        licenses.push({ skuId: entry['skuId'], assignedByGroup: typeof entry['assignedByGroup'] === 'string' ? entry['assignedByGroup'] : null });
      }
    }
    return licenses;
  }
  if (Array.isArray(assigned)) {
    return (assigned as unknown[])
      .map((license) => (typeof license === 'object' && license !== null && 'skuId' in license && typeof license.skuId === 'string' ? license.skuId : null))
      .filter((skuId): skuId is string => skuId !== null)
      .map((skuId) => ({ skuId, assignedByGroup: null }));
  }
  return [];
}
