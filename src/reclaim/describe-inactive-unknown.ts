import { MissingPermissionError, PremiumLicenseRequiredError } from '../errors';
import type { InactiveUnknownReason } from './reclaim-scan';

/** Why sign-in activity could not be read, with the sentence answers show. */
export function describeInactiveUnknown(error: unknown): { reason: InactiveUnknownReason; detail: string } {
  if (error instanceof MissingPermissionError) {
    return {
      reason: 'permission',
      detail:
        'Inactive seats are unknown: Headroom lacks the Microsoft Graph application permission AuditLog.Read.All, which sign-in ' +
        'activity needs. Grant it (admin consent) to see them.',
    };
  }
  if (error instanceof PremiumLicenseRequiredError) {
    return {
      reason: 'premium-license',
      detail: 'Inactive seats are unknown: sign-in activity needs Microsoft Entra ID P1 or P2, and this tenant has neither.',
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { reason: 'read-failed', detail: `Inactive seats are unknown: reading sign-in activity failed (${message}).` };
}
