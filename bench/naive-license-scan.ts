import { readAllPages } from '../src/graph/graph-paging';
import type { GraphRequester } from '../src/graph/graph-requester';

/** What the naive scan finds: users waiting per SKU, counted once per user. */
export interface NaiveScanResult {
  usersRead: number;
  waitingBySku: Map<string, number>;
}

/**
 * The scan admin scripts do: list every user with `licenseAssignmentStates`, 999 per page, following
 * every next link, and count the CountViolation states. It goes through the same requester as
 * Headroom, so both pay the same client costs.
 */
export async function runNaiveLicenseScan(requester: GraphRequester): Promise<NaiveScanResult> {
  const users = await readAllPages(requester, 'users?$select=id,licenseAssignmentStates&$top=999', (item) => item, { maxPages: 10_000 });
  const waiting = new Map<string, Set<string>>();
  for (const user of users) {
    if (typeof user !== 'object' || user === null || !('id' in user) || !('licenseAssignmentStates' in user)) {
      continue;
    }
    const states = Array.isArray(user.licenseAssignmentStates) ? (user.licenseAssignmentStates as unknown[]) : [];
    for (const state of states) {
      if (typeof state === 'object' && state !== null && 'error' in state && state.error === 'CountViolation' && 'skuId' in state && typeof state.skuId === 'string') {
        const set = waiting.get(state.skuId) ?? new Set<string>();
        set.add(String(user.id));
        waiting.set(state.skuId, set);
      }
    }
  }
  return { usersRead: users.length, waitingBySku: new Map([...waiting].map(([sku, set]) => [sku, set.size])) };
}
