import type { ReclaimRequest, ReclaimSeat, RemovalIntent } from '../../src/reclaim/reclaim-request';

export const E3 = '05e9a617-0261-4cee-bb44-138d3ef5d965';

/** A seat on a disabled account; group-inherited when `group` is given. */
export function disabledSeat(userId: string, name: string, group?: { groupId: string; displayName: string | null }): ReclaimSeat {
  return { userId, userPrincipalName: `${name.toLowerCase().replace(/\W+/g, '.')}@contoso.com`, displayName: name, lastSignIn: '2025-01-14T08:00:00.000Z', assignedBy: group ?? 'direct' };
}

/** A stored-looking reclaim request for card tests. */
export function reclaimRequest(overrides: Partial<ReclaimRequest> = {}): ReclaimRequest {
  return {
    id: '2b7f4c1e-8a3d-4e6f-9b21-5c0d7e8f9a10',
    skuId: E3,
    skuPartNumber: 'SPE_E3',
    displayName: 'Microsoft 365 E3',
    status: 'open',
    scanAsOf: '2025-05-01T06:00:00.000Z',
    seats: [disabledSeat('u1', 'Adele Vance'), disabledSeat('u2', 'Lee Gu'), disabledSeat('u3', 'Pradeep Gupta', { groupId: 'g1', displayName: 'Sales' })],
    createdAt: '2025-05-01T06:05:00.000Z',
    updatedAt: '2025-05-01T06:05:00.000Z',
    decidedBy: null,
    decidedByName: null,
    decidedAt: null,
    cardActivities: {},
    version: 1,
    ...overrides,
  };
}

export function removal(userId: string, overrides: Partial<RemovalIntent> = {}): RemovalIntent {
  return {
    requestId: reclaimRequest().id,
    userId,
    skuId: E3,
    displayName: userId,
    userPrincipalName: `${userId}@contoso.com`,
    state: 'done',
    intendedAt: '2025-05-01T10:42:00.000Z',
    attemptedAt: '2025-05-01T10:42:00.000Z',
    settledAt: '2025-05-01T10:42:01.000Z',
    errorCode: null,
    errorMessage: null,
    ...overrides,
  };
}
