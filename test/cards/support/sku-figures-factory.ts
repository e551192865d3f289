import type { SkuFigures, WaitingGroup } from '../../../src/licenses/sku-figures';

let counter = 0;

/**
 * A SKU's figures computed the way ARCHITECTURE.md defines them, from purchased, assigned and the
 * waiting groups; anything else can be overridden.
 */
export function makeSkuFigures(
  overrides: Partial<Omit<SkuFigures, 'available' | 'waiting' | 'shortfall'>> & { purchased: number; assigned: number },
): SkuFigures {
  counter += 1;
  const waitingGroups: WaitingGroup[] = overrides.waitingGroups ?? [];
  const waiting = waitingGroups.reduce((sum, group) => sum + group.waiting, 0);
  const available = overrides.purchased - overrides.assigned;
  const expiring = overrides.expiring ?? 0;
  return {
    status: 'Enabled',
    overAssigned: Math.max(0, -available - expiring),
    onExpiringSeats: Math.min(expiring, Math.max(0, -available)),
    gracePeriodEndsAt: null,
    lostService: 0,
    blocked: 0,
    blockedBy: [],
    otherErrors: [],
    skuId: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    skuPartNumber: `SKU_${counter}`,
    displayName: `Product ${counter}`,
    expiring: 0,
    suspended: 0,
    lockedOut: 0,
    held: 0,
    reclaimable: null,
    hidden: false,
    hiddenReason: null,
    ...overrides,
    waitingGroups,
    available,
    waiting,
    shortfall: Math.max(0, waiting - available),
  };
}

/** `count` groups named "Group 1"… with `waiting` users each. */
export function makeGroups(count: number, waiting = 1, name = (index: number) => `Group ${index + 1}`): WaitingGroup[] {
  return Array.from({ length: count }, (_, index) => ({ groupId: `group-${index + 1}`, displayName: name(index), waiting }));
}
