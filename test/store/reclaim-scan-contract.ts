import assert from 'node:assert/strict';
import { ValidationError } from '../../src/errors';
import type { ReclaimCandidate, ReclaimScan } from '../../src/reclaim/reclaim-scan';
import type { Store } from '../../src/store/store';

const E3 = '05e9a617-0261-4cee-bb44-138d3ef5d965';

function candidate(n: number, changes: Partial<ReclaimCandidate> = {}): ReclaimCandidate {
  return {
    userId: `user-${n}`,
    userPrincipalName: `user${n}@contoso.com`,
    displayName: `User ${n}`,
    skuId: E3,
    reason: 'disabled',
    lastSignIn: null,
    assignedBy: 'direct',
    ...changes,
  };
}

function scan(asOf: string, candidates: ReclaimCandidate[], inactiveUnknown: ReclaimScan['inactiveUnknown'] = null): ReclaimScan {
  return { asOf, inactiveDays: 90, inactiveUnknown, candidates };
}

/** The reclaim scan store's contract, run by the store contract on both databases. */
export function describeReclaimScanContract(current: () => Store, another: () => Store): void {
  describe('reclaim scans', function () {
    it('has no scan before the first is saved', async function () {
      assert.equal(await current().latestReclaimScan(), null);
    });

    it('gives back the latest scan as saved: candidates in order, group seats with their names, unknown inactive seats with why', async function () {
      const saved = scan(
        '2030-01-01T00:00:00.000Z',
        [
          candidate(2, { reason: 'inactive', lastSignIn: '2029-06-01T10:00:00.000Z', assignedBy: { groupId: 'group-1', displayName: 'R&D *Interns* ${x}' } }),
          candidate(1),
          candidate(3, { assignedBy: { groupId: 'group-gone', displayName: null } }),
        ],
      );
      await current().saveReclaimScan(saved);

      assert.deepEqual(await another().latestReclaimScan(), saved);
    });

    it('keeps the reason inactive seats are unknown', async function () {
      const saved = scan('2030-01-01T00:00:00.000Z', [candidate(1)], { reason: 'premium-license', detail: 'No Entra ID P1 or P2.' });
      await current().saveReclaimScan(saved);

      assert.deepEqual((await current().latestReclaimScan())?.inactiveUnknown, { reason: 'premium-license', detail: 'No Entra ID P1 or P2.' });
    });

    it('answers with the newest scan and keeps only the latest few', async function () {
      for (let n = 1; n <= 5; n += 1) {
        await current().saveReclaimScan(scan(`2030-01-0${n}T00:00:00.000Z`, [candidate(n)]));
      }

      const latest = await current().latestReclaimScan();
      assert.equal(latest?.asOf, '2030-01-05T00:00:00.000Z');
      assert.deepEqual(latest.candidates.map((c) => c.userId), ['user-5']);
    });

    it('stores a scan with a thousand candidates', async function () {
      const many = Array.from({ length: 1_000 }, (_, n) => candidate(n));
      await current().saveReclaimScan(scan('2030-01-01T00:00:00.000Z', many));

      assert.equal((await current().latestReclaimScan())?.candidates.length, 1_000);
    });

    it('refuses a scan with a bad time, day count or reason, storing nothing', async function () {
      await assert.rejects(current().saveReclaimScan(scan('yesterday', [])), ValidationError);
      await assert.rejects(current().saveReclaimScan({ ...scan('2030-01-01T00:00:00.000Z', []), inactiveDays: 0 }), ValidationError);
      const bad = { ...candidate(1), reason: 'gone' } as unknown as ReclaimCandidate;
      await assert.rejects(current().saveReclaimScan(scan('2030-01-01T00:00:00.000Z', [bad])), ValidationError);

      assert.equal(await current().latestReclaimScan(), null);
    });

    it('refuses the same user and SKU twice in one scan, storing nothing', async function () {
      await assert.rejects(current().saveReclaimScan(scan('2030-01-01T00:00:00.000Z', [candidate(1), candidate(1)])));

      assert.equal(await current().latestReclaimScan(), null);
    });
  });
}
