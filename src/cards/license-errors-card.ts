import type { SkuFigures } from '../licenses/sku-figures';
import { buildCardFreshness, type CardFreshness } from './card-freshness';
import { CARD_LIMITS } from './card-limits';
import { describeBlocked } from './describe-seat-conditions';
import { formatQuantity } from './format-quantity';
import { buildLicenseErrorRows, type LicenseErrorRow } from './license-error-rows';
import { adviceForLicenseError } from './license-error-fixes';
import type { StyledText } from './styled-text';
import { toDisplayText } from './to-display-text';

/** One product with users in license errors buying seats won't fix. */
export interface LicenseErrorsProduct {
  /** Product name, literal. */
  name: string;
  /** "3 users" in all of its errors (a user with two errors counts once per error). */
  total: string;
  errors: LicenseErrorRow[];
}

/** Data for `cards/license-errors.json`: the `errors` answer for the whole tenant. */
export interface LicenseErrorsCard {
  /** Tenant display name, literal. */
  tenantName: string;
  freshness: CardFreshness;
  /** True when no visible product has other errors or blocked users. */
  none: boolean;
  /** True when the members of groups with license errors could not be read: nothing here is known. */
  unknown: boolean;
  products: LicenseErrorsProduct[];
  /** "4 users in Sales Bundle are also missing EMS E5 because Power BI Pro is short: …". */
  blocked: StyledText[];
  /** "and 3 more products…" when the list was cut; otherwise null. */
  more: string | null;
}

export interface LicenseErrorsMeta {
  tenantName: string;
  asOf: string;
  now: Date;
  stale: boolean;
  /** The members of error groups could not be read for want of a Graph permission; says which. Null or absent: read. */
  notice?: string | null;
}

/** Products listed; the rest are counted. Keeps the worst case far below 28 KB. */
const PRODUCTS = 5;
const GROUPS_PER_ERROR = 2;
const BLOCKED_LINES = 5;

function errorUsers(figures: SkuFigures): number {
  return (figures.otherErrors ?? []).reduce((sum, error) => sum + error.users, 0);
}

/**
 * Builds the `errors` answer: every visible product whose users are in licensing errors other than
 * CountViolation (most users first, each code with its groups and one-line fix), then the users
 * blocked by another product of their group.
 */
export function buildLicenseErrorsCard(figures: readonly SkuFigures[], meta: LicenseErrorsMeta): LicenseErrorsCard {
  const notice = meta.notice ?? null;
  // Errors come from the members of error groups: unknown when those could not be read, never "none".
  if (notice !== null || figures.some((sku) => sku.otherErrors === null)) {
    return {
      tenantName: toDisplayText(meta.tenantName, CARD_LIMITS.nameLength, 'Your tenant'),
      freshness: buildCardFreshness(meta.asOf, meta.now, meta.stale, notice),
      none: false,
      unknown: true,
      products: [],
      blocked: [],
      more: null,
    };
  }
  const visible = figures.filter((sku) => !sku.hidden);
  const withErrors = visible
    .filter((sku) => errorUsers(sku) > 0)
    .sort((a, b) => errorUsers(b) - errorUsers(a) || a.displayName.localeCompare(b.displayName));
  const blocked = visible.flatMap((sku) => sku.blockedBy.map((cause) => ({ text: describeBlocked(sku, cause), color: 'warning' as const })));
  const rest = withErrors.length - PRODUCTS;
  return {
    tenantName: toDisplayText(meta.tenantName, CARD_LIMITS.nameLength, 'Your tenant'),
    freshness: buildCardFreshness(meta.asOf, meta.now, meta.stale),
    none: withErrors.length === 0 && blocked.length === 0,
    unknown: false,
    products: withErrors.slice(0, PRODUCTS).map((sku) => ({
      name: toDisplayText(sku.displayName, CARD_LIMITS.nameLength, sku.skuPartNumber),
      total: formatQuantity(errorUsers(sku), 'user'),
      errors: buildLicenseErrorRows(sku.otherErrors ?? [], GROUPS_PER_ERROR),
    })),
    blocked: blocked.slice(0, BLOCKED_LINES),
    more: rest > 0 ? `and ${formatQuantity(rest, 'more product')} with license errors; ask for one by name.` : null,
  };
}

/** The errors in one plain-text line: "Contoso: license errors buying seats won't fix: Microsoft 365 E3 (2 usage location not allowed), …". */
export function summarizeLicenseErrors(figures: readonly SkuFigures[], meta: Pick<LicenseErrorsMeta, 'tenantName' | 'notice'>): string {
  const tenant = toDisplayText(meta.tenantName, CARD_LIMITS.nameLength, 'Your tenant');
  if ((meta.notice ?? null) !== null || figures.some((sku) => sku.otherErrors === null)) {
    return `${tenant}: license errors are unknown.`;
  }
  const visible = figures.filter((sku) => !sku.hidden);
  const withErrors = visible.filter((sku) => errorUsers(sku) > 0).sort((a, b) => errorUsers(b) - errorUsers(a));
  const blocked = visible.reduce((sum, sku) => sum + (sku.blocked ?? 0), 0);
  if (withErrors.length === 0 && blocked === 0) {
    return `${tenant}: no license errors.`;
  }
  const items = withErrors.slice(0, 3).map((sku) => {
    const codes = (sku.otherErrors ?? []).map((error) => `${error.users} ${adviceForLicenseError(error.error).label.toLowerCase()}`);
    return `${toDisplayText(sku.displayName, CARD_LIMITS.nameLength, sku.skuPartNumber)} (${codes.join(', ')})`;
  });
  const parts: string[] = [];
  if (items.length > 0) {
    const tail = withErrors.length > items.length ? ` and ${formatQuantity(withErrors.length - items.length, 'more product')}` : '';
    parts.push(`license errors buying seats won't fix: ${items.join(', ')}${tail}`);
  }
  if (blocked > 0) {
    parts.push(`${formatQuantity(blocked, 'user')} blocked by another product of their group`);
  }
  return `${tenant}: ${parts.join('; ')}.`;
}
