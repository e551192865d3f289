import type { SubscribedSku, TenantSubscription } from './license-snapshot';
import { productDisplayName } from './product-catalog';
import type { HiddenReason } from './sku-figures';

/**
 * Zero-cost products whose names do not say so: Power BI / Fabric (free), the Microsoft Store for
 * Business, ad-hoc Rights Management, the classic free Stream, Power Apps for Developer and the Teams
 * Exploratory experience. Tenants get them in bulk (often 10,000+ seats) without buying anything.
 */
const FREE_PART_NUMBERS = new Set([
  'POWER_BI_STANDARD',
  'POWER_BI_STANDARD_FACULTY',
  'POWER_BI_STANDARD_STUDENT',
  'WINDOWS_STORE',
  'RIGHTSMANAGEMENT_ADHOC',
  'STREAM',
  'POWERAPPS_DEV',
  'TEAMS_EXPLORATORY',
]);

/** Self-service ("viral") sign-ups a user starts without an admin, not marked viral in their part number. */
const VIRAL_PART_NUMBERS = new Set(['POWER_BI_INDIVIDUAL_USER', 'POWERAPPS_INDIVIDUAL_USER']);

/**
 * Self-service sign-ups for "information workers" end in `_IW` (or `_IW_SKU`): `MS_TEAMS_IW`,
 * `DYN365_ENTERPRISE_P1_IW`, `PROJECT_MADEIRA_PREVIEW_IW_SKU`... Paid SKUs with IW in the middle
 * (`STANDARDWOFFPACK_IW_FACULTY`, Office 365 A1 Plus) do not match.
 */
const VIRAL_IW_SUFFIX = /_IW(_SKU)?$/i;

function words(text: string): string[] {
  return text.toLowerCase().split(/[^a-z0-9]+/).filter((word) => word !== '');
}

function productNature(sku: SubscribedSku): 'free' | 'viral' | 'trial' | null {
  const part = sku.skuPartNumber.trim();
  const partUpper = part.toUpperCase();
  const tokens = new Set([...words(part), ...words(productDisplayName(sku.skuId, sku.skuPartNumber))]);
  if (tokens.has('viral') || tokens.has('vtrial') || VIRAL_PART_NUMBERS.has(partUpper) || VIRAL_IW_SUFFIX.test(part)) {
    return 'viral';
  }
  if (tokens.has('free') || FREE_PART_NUMBERS.has(partUpper)) {
    return 'free';
  }
  if (tokens.has('trial')) {
    return 'trial';
  }
  return null;
}

function onlyTrialSubscriptions(skuId: string, subscriptions: readonly TenantSubscription[]): boolean {
  const id = skuId.toLowerCase();
  const own = subscriptions.filter((subscription) => subscription.skuId.toLowerCase() === id);
  return own.length > 0 && own.every((subscription) => subscription.isTrial);
}

/**
 * Why a SKU is left out of overviews and alerts, or null when it is shown. The first rule that
 * applies wins:
 *
 * 1. `company`: `appliesTo` is `Company` (tenant-wide capacity, never assigned to users).
 * 2. `viral`: a self-service sign-up. The part number or product name has the word "viral" or
 *    "vTrial", the part number ends in `_IW`/`_IW_SKU`, or it is one of the known individual sign-ups.
 * 3. `free`: the part number or product name has the word "free" (`FLOW_FREE`, `TEAMS_FREE`,
 *    "Microsoft Fabric (Free)", "Business Apps (free)"), or it is a known free product whose name
 *    does not say so (`POWER_BI_STANDARD`, `WINDOWS_STORE`, `TEAMS_EXPLORATORY`...).
 * 4. `trial`: the part number or product name has the word "trial", or the tenant has at least one
 *    subscription for the SKU and every one of them is a trial.
 * 5. `muted`: an admin muted the SKU.
 *
 * Words are whole words of the part number or name, so "Trial" matches "Microsoft Teams Trial" but
 * "free" does not match "Freedom". Product-given reasons come before `muted` because un-muting such
 * a SKU would not show it.
 */
export function hiddenReason(
  sku: SubscribedSku,
  subscriptions: readonly TenantSubscription[],
  mutedSkuIds: ReadonlySet<string>,
): HiddenReason | null {
  if (sku.appliesTo.trim().toLowerCase() === 'company') {
    return 'company';
  }
  const nature = productNature(sku);
  if (nature !== null) {
    return nature;
  }
  if (onlyTrialSubscriptions(sku.skuId, subscriptions)) {
    return 'trial';
  }
  if (mutedSkuIds.has(sku.skuId) || mutedSkuIds.has(sku.skuId.toLowerCase())) {
    return 'muted';
  }
  return null;
}
