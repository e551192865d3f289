import type { SkuFigures } from '../licenses/sku-figures';

/** Users still hold a Suspended, LockedOut or Deleted subscription and have lost service. */
export const SUSPENDED = 'suspended';

/** Users are in licensing errors that buying seats won't fix (posted once per change, with low emphasis). */
export const LICENSE_ERRORS = 'license-errors';

/** "MutuallyExclusiveViolation:1,ProhibitedInUsageLocationViolation:2", '' when there are none, null when unknown. */
export function licenseErrorsFingerprint(figures: SkuFigures): string | null {
  if (figures.otherErrors === null) {
    return null;
  }
  return figures.otherErrors
    .filter((error) => error.users > 0)
    .map((error) => `${error.error}:${error.users}`)
    .sort()
    .join(',');
}
