/** How Headroom names a licensing error code and the one-line fix it suggests. */
export interface LicenseErrorAdvice {
  /** "Usage location not allowed". */
  label: string;
  /** "set a supported usage location, or remove them from the group". */
  fix: string;
}

/**
 * One line per error code Graph's `licenseAssignmentState.error` can hold besides CountViolation,
 * phrased from Microsoft's "Resolve group license assignment problems" page (Microsoft Entra ID).
 */
const ADVICE: Readonly<Record<string, LicenseErrorAdvice>> = {
  MutuallyExclusiveViolation: {
    label: 'Conflicting service plans',
    fix: 'a plan in this product conflicts with one they already have from another product: decide which to keep, then remove the other product or disable the conflicting plan',
  },
  DependencyViolation: {
    label: 'Other products depend on it',
    fix: 'another product they have needs a plan in this one: keep that plan assigned some other way, or disable the dependent services, before removing it',
  },
  ProhibitedInUsageLocationViolation: {
    label: 'Usage location not allowed',
    fix: 'set a supported usage location, or remove them from the group',
  },
  UniquenessViolation: {
    label: 'Duplicate value',
    fix: 'another object already uses one of their unique values, such as a proxy address: fix the duplicate, then reprocess the group',
  },
  Other: {
    label: 'Other error',
    fix: "open the group's Licenses page in the Microsoft Entra admin center for the details, fix them, then reprocess the group",
  },
};

/** The advice for an error code; an unknown code is shown as it came, with the general advice. */
export function adviceForLicenseError(error: string): LicenseErrorAdvice {
  const known = ADVICE[error];
  if (known !== undefined) {
    return known;
  }
  return { label: error.trim() === '' ? 'Unknown error' : error, fix: (ADVICE.Other as LicenseErrorAdvice).fix };
}
