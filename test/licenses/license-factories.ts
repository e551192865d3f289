import type { LicenseSnapshot, SubscribedSku, TenantSubscription, WaitingAssignment } from '../../src/licenses/license-snapshot';
import type { SkuFigures } from '../../src/licenses/sku-figures';

/** Well-known SKU GUIDs from Microsoft's product table. */
export const SKU = {
  m365E3: '05e9a617-0261-4cee-bb44-138d3ef5d965',
  m365E5: '06ebc4ee-1bb5-47dd-8120-11324bc54e06',
  o365E3: '6fd2c87f-b296-42f0-b197-1e91e994b900',
  emsE3: 'efccb6f7-5641-4e0e-bd10-b4976e1bf68e',
  powerBiPro: 'f8a1db68-be16-40ed-86d5-cb42ce701560',
  powerBiPpu: 'c1d032e0-5619-4761-9b5c-75b6831e1711',
  fabricFree: 'a403ebcc-fae0-4ca2-8c8c-7a907fd6c235',
  flowFree: 'f30db892-07e9-47e9-837c-80727f46fd3d',
  teamsExploratory: '710779e8-3d4a-4c88-adb9-386c958d1fdf',
  visioPlan2: 'c5928f49-12ba-48f7-ada3-0d743a3601d5',
} as const;

const PART_NUMBERS: Record<string, string> = {
  [SKU.m365E3]: 'SPE_E3',
  [SKU.m365E5]: 'SPE_E5',
  [SKU.o365E3]: 'ENTERPRISEPACK',
  [SKU.emsE3]: 'EMS',
  [SKU.powerBiPro]: 'POWER_BI_PRO',
  [SKU.powerBiPpu]: 'PBI_PREMIUM_PER_USER',
  [SKU.fabricFree]: 'POWER_BI_STANDARD',
  [SKU.flowFree]: 'FLOW_FREE',
  [SKU.teamsExploratory]: 'TEAMS_EXPLORATORY',
  [SKU.visioPlan2]: 'VISIOCLIENT',
};

/** A user-assignable SKU with 10 seats, none assigned; override what the test is about. */
export function makeSku(skuId: string, overrides: Partial<SubscribedSku> = {}): SubscribedSku {
  return {
    skuId,
    skuPartNumber: PART_NUMBERS[skuId] ?? 'CUSTOM_SKU',
    appliesTo: 'User',
    capabilityStatus: 'Enabled',
    consumedUnits: 0,
    prepaidUnits: { enabled: 10, warning: 0, suspended: 0, lockedOut: 0 },
    ...overrides,
  };
}

export function makeSubscription(skuId: string, overrides: Partial<TenantSubscription> = {}): TenantSubscription {
  return {
    id: `sub-${skuId}-${overrides.isTrial === true ? 'trial' : 'paid'}`,
    skuId,
    skuPartNumber: PART_NUMBERS[skuId] ?? 'CUSTOM_SKU',
    status: 'Enabled',
    totalLicenses: 10,
    isTrial: false,
    createdDateTime: '2025-01-01T00:00:00Z',
    nextLifecycleDateTime: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

export function makeWaiting(userId: string, skuId: string, groupId: string | null, groupDisplayName: string | null = groupId): WaitingAssignment {
  return { userId, skuId, groupId, groupDisplayName };
}

export function makeSnapshot(overrides: Partial<LicenseSnapshot> = {}): LicenseSnapshot {
  return {
    takenAt: '2025-11-29T08:00:00Z',
    tenant: { id: '11111111-2222-3333-4444-555555555555', displayName: 'Contoso' },
    skus: [],
    subscriptions: [],
    waiting: [],
    licenseErrors: [],
    errorGroups: [],
    holdings: [],
    ...overrides,
  };
}

/** Figures as computeSkuFigures would give them for an Enabled SKU nobody waits for. */
export function makeFigures(displayName: string, overrides: Partial<SkuFigures> = {}): SkuFigures {
  const purchased = overrides.purchased ?? 10;
  const assigned = overrides.assigned ?? 0;
  const expiring = overrides.expiring ?? 0;
  return {
    status: 'Enabled',
    overAssigned: Math.max(0, assigned - purchased - expiring),
    onExpiringSeats: Math.min(expiring, Math.max(0, assigned - purchased)),
    gracePeriodEndsAt: null,
    lostService: 0,
    blocked: 0,
    blockedBy: [],
    otherErrors: [],
    skuId: `id-${displayName}`,
    skuPartNumber: displayName.toUpperCase().replace(/\W+/g, '_'),
    displayName,
    purchased,
    expiring: 0,
    suspended: 0,
    lockedOut: 0,
    assigned,
    available: purchased - assigned,
    waiting: 0,
    shortfall: 0,
    held: 0,
    reclaimable: null,
    hidden: false,
    hiddenReason: null,
    waitingGroups: [],
    ...overrides,
  };
}
