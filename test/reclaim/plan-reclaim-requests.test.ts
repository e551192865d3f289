import assert from 'node:assert/strict';
import { planReclaimRequests, type ReclaimPlanInput } from '../../src/reclaim/plan-reclaim-requests';
import type { ReclaimCandidate, ReclaimScan } from '../../src/reclaim/reclaim-scan';
import { makeFigures } from '../licenses/license-factories';
import { reclaimRequest } from './reclaim-fixtures';

const E3 = '05e9a617-0261-4cee-bb44-138d3ef5d965';
const SCAN_AT = '2026-05-01T06:00:00.000Z';

function candidate(userId: string, overrides: Partial<ReclaimCandidate> = {}): ReclaimCandidate {
  return { userId, userPrincipalName: `${userId}@contoso.com`, displayName: userId, skuId: E3, reason: 'disabled', lastSignIn: null, assignedBy: 'direct', ...overrides };
}

function scan(candidates: ReclaimCandidate[]): ReclaimScan {
  return { asOf: SCAN_AT, inactiveDays: 90, inactiveUnknown: null, candidates };
}

/** E3 with 20 seats free above a threshold of 5: it needs nothing unless a test says so. */
function input(overrides: Partial<ReclaimPlanInput> = {}): ReclaimPlanInput {
  return {
    figures: [makeFigures('Microsoft 365 E3', { skuId: E3, purchased: 100, assigned: 80 })],
    scan: scan([candidate('a'), candidate('g', { assignedBy: { groupId: 'grp', displayName: 'Sales' } }), candidate('i', { reason: 'inactive' })]),
    thresholdSeats: () => 5,
    suggested: new Set(),
    open: new Set(),
    closed: [],
    ...overrides,
  };
}

const belowThreshold = [makeFigures('Microsoft 365 E3', { skuId: E3, purchased: 100, assigned: 97 })];

describe('planReclaimRequests', () => {
  it('shows a card for a SKU below its alert line, with its disabled seats (direct and group) and never the inactive ones', () => {
    const [plan] = planReclaimRequests(input({ figures: belowThreshold }));

    assert.equal(plan?.kind, 'show');
    assert.deepEqual(plan?.kind === 'show' ? plan.request.seats.map((s) => s.userId) : [], ['a', 'g']);
  });

  it('shows a card for a SKU with an open suggestion even when it has seats free', () => {
    assert.equal(planReclaimRequests(input({ suggested: new Set([E3]) }))[0]?.kind, 'show');
  });

  it('shows nothing for a SKU that needs no seats, a hidden SKU, or one whose disabled seats all come from groups', () => {
    assert.deepEqual(planReclaimRequests(input()), []);
    assert.deepEqual(planReclaimRequests(input({ figures: belowThreshold.map((f) => ({ ...f, hidden: true })) })), []);
    assert.deepEqual(planReclaimRequests(input({ figures: belowThreshold, scan: scan([candidate('g', { assignedBy: { groupId: 'grp', displayName: null } })]) })), []);
  });

  it('withdraws an open card whose SKU no longer qualifies', () => {
    assert.deepEqual(planReclaimRequests(input({ open: new Set([E3]) })), [{ kind: 'withdraw', skuId: E3 }]);
  });

  it('leaves out seats a reclaim finished after the scan, and asks nothing about seats an approver dismissed', () => {
    const done = reclaimRequest({ status: 'done', updatedAt: '2026-05-01T07:00:00.000Z', seats: [candidate('a')] });
    const dismissed = reclaimRequest({ status: 'dismissed', seats: [candidate('a')] });

    assert.deepEqual(planReclaimRequests(input({ figures: belowThreshold, closed: [done] })), []);
    assert.deepEqual(planReclaimRequests(input({ figures: belowThreshold, closed: [dismissed] })), []);
    const newcomer = input({ figures: belowThreshold, closed: [dismissed], scan: scan([candidate('a'), candidate('b')]) });
    assert.equal(planReclaimRequests(newcomer)[0]?.kind, 'show');
  });
});
