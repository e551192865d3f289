import type { OtherLicenseError } from '../licenses/sku-figures';
import { CARD_LIMITS } from './card-limits';
import { formatCount } from './format-count';
import { formatQuantity } from './format-quantity';
import { adviceForLicenseError } from './license-error-fixes';
import { toDisplayText } from './to-display-text';

/** One licensing error code of one product, as a card lists it. */
export interface LicenseErrorRow {
  /** "Usage location not allowed". */
  label: string;
  /** "2 users". */
  users: string;
  /** "in Contractors (2)" or "in Contractors (2), Temp Staff (1) and 2 more groups". */
  groups: string;
  /** "Fix: set a supported usage location, or remove them from the group." */
  fix: string;
}

/** Error rows, most users first, each naming at most `groupLimit` groups. */
export function buildLicenseErrorRows(errors: readonly OtherLicenseError[], groupLimit: number): LicenseErrorRow[] {
  return errors.map((error) => {
    const advice = adviceForLicenseError(error.error);
    const named = error.groups
      .slice(0, groupLimit)
      .map((group) => `${toDisplayText(group.displayName, CARD_LIMITS.nameLength, group.groupId ?? 'Direct assignment')} (${formatCount(group.users)})`);
    const rest = error.groups.length - named.length;
    const list = rest > 0 ? `${named.join(', ')} and ${formatQuantity(rest, 'more group')}` : named.join(', ');
    return {
      label: toDisplayText(advice.label, 60, 'Unknown error'),
      users: formatQuantity(error.users, 'user'),
      groups: list === '' ? '' : `in ${list}`,
      fix: `Fix: ${advice.fix}.`,
    };
  });
}
