import type { ReclaimCandidate, ReclaimScan } from '../../src/reclaim/reclaim-scan';

/** A candidate with plausible defaults; pass what the test is about. */
export function makeCandidate(overrides: Partial<ReclaimCandidate> & Pick<ReclaimCandidate, 'skuId'>): ReclaimCandidate {
  const id = overrides.userId ?? `user-${Math.random().toString(16).slice(2, 10)}`;
  return {
    userId: id,
    userPrincipalName: `${id}@contoso.example`,
    displayName: `Person ${id}`,
    reason: 'disabled',
    lastSignIn: '2026-03-02T08:00:00.000Z',
    assignedBy: 'direct',
    ...overrides,
  };
}

/** A scan with the candidates given, finished `hoursAgo` before `now`. */
export function makeScan(candidates: ReclaimCandidate[], options: { now?: Date; hoursAgo?: number; inactiveUnknown?: ReclaimScan['inactiveUnknown'] } = {}): ReclaimScan {
  const now = options.now ?? new Date();
  return {
    asOf: new Date(now.getTime() - (options.hoursAgo ?? 3) * 3_600_000).toISOString(),
    inactiveDays: 90,
    inactiveUnknown: options.inactiveUnknown ?? null,
    candidates,
  };
}
