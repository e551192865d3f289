import assert from 'node:assert/strict';
import type { ReclaimCandidate, ReclaimScan } from '../../src/reclaim/reclaim-scan';
import { reclaimSummarySource } from '../../src/reclaim/reclaim-summary-source';
import { summarizeReclaimScan } from '../../src/reclaim/summarize-reclaim-scan';

function candidate(userId: string, skuId: string, reason: ReclaimCandidate['reason']): ReclaimCandidate {
  return { userId, userPrincipalName: `${userId}@contoso.com`, displayName: userId, skuId, reason, lastSignIn: null, assignedBy: 'direct' };
}

function scan(candidates: ReclaimCandidate[], inactiveUnknown: ReclaimScan['inactiveUnknown'] = null): ReclaimScan {
  return { asOf: '2026-11-30T09:00:00Z', inactiveDays: 90, inactiveUnknown, candidates };
}

describe('summarizeReclaimScan', () => {
  it('counts distinct users per SKU and reason, SKU and user ids compared without case', () => {
    const summary = summarizeReclaimScan(
      scan([
        candidate('u1', 'SKU-E3', 'disabled'),
        candidate('U1', 'sku-e3', 'disabled'),
        candidate('u2', 'sku-e3', 'disabled'),
        candidate('u3', 'sku-e3', 'inactive'),
        candidate('u1', 'sku-e5', 'disabled'),
        candidate('u4', 'sku-visio', 'inactive'),
      ]),
    );

    assert.deepEqual(
      summary.bySku,
      new Map([
        ['sku-e3', { disabled: 2, inactive: 1 }],
        ['sku-e5', { disabled: 1, inactive: 0 }],
        ['sku-visio', { disabled: 0, inactive: 1 }],
      ]),
    );
    assert.equal(summary.asOf, '2026-11-30T09:00:00Z');
    assert.equal(summary.inactiveDays, 90);
    assert.equal(summary.inactiveUnknown, null);
  });

  it('counts a user listed under both reasons for one SKU as disabled only', () => {
    const summary = summarizeReclaimScan(scan([candidate('u1', 'e3', 'disabled'), candidate('u1', 'e3', 'inactive')]));

    assert.deepEqual(summary.bySku.get('e3'), { disabled: 1, inactive: 0 });
  });

  it('ignores inactive candidates when the scan says inactive seats are unknown, and keeps why', () => {
    const unknown = { reason: 'permission' as const, detail: 'AuditLog.Read.All is not granted.' };
    const summary = summarizeReclaimScan(scan([candidate('u1', 'e3', 'disabled'), candidate('u2', 'e3', 'inactive')], unknown));

    assert.deepEqual(summary.bySku.get('e3'), { disabled: 1, inactive: 0 });
    assert.deepEqual(summary.inactiveUnknown, unknown);
  });
});

describe('reclaimSummarySource', () => {
  it('reads the latest scan on every call but gives the same summary object while the scan is the same', async () => {
    let latest: ReclaimScan | null = null;
    let reads = 0;
    const source = reclaimSummarySource({
      latestReclaimScan: () => {
        reads += 1;
        return Promise.resolve(latest === null ? null : structuredClone(latest));
      },
    });

    assert.equal(await source(), null);
    latest = scan([candidate('u1', 'e3', 'disabled')]);
    const first = await source();
    const again = await source();
    latest = { ...scan([candidate('u1', 'e3', 'disabled'), candidate('u2', 'e3', 'disabled')]), asOf: '2026-12-01T09:00:00Z' };
    const next = await source();

    assert.equal(reads, 4);
    assert.equal(again, first);
    assert.notEqual(next, first);
    assert.equal(next?.bySku.get('e3')?.disabled, 2);
  });
});
