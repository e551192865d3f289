import assert from 'node:assert/strict';
import { MissingPermissionError, PremiumLicenseRequiredError, UnavailableError } from '../../src/errors';
import type { DirectoryUser, ReclaimDirectory } from '../../src/reclaim/reclaim-directory';
import type { ReclaimCandidate } from '../../src/reclaim/reclaim-scan';
import { runReclaimScan } from '../../src/reclaim/run-reclaim-scan';

const NOW = new Date('2026-06-01T00:00:00Z');
const DAY_MS = 24 * 60 * 60 * 1000;
const E3 = '05e9a617-0261-4cee-bb44-138d3ef5d965';
const VISIO = 'c5928f49-12ba-48f7-ada3-0d743a3601d5';
const GROUP = 'aaaaaaaa-0000-0000-0000-000000000001';

const daysAgo = (days: number): string => new Date(NOW.getTime() - days * DAY_MS).toISOString();

function user(id: string, changes: Partial<DirectoryUser> = {}): DirectoryUser {
  return {
    id,
    userPrincipalName: `${id}@contoso.com`,
    displayName: id,
    accountEnabled: true,
    createdDateTime: daysAgo(1000),
    lastSuccessfulSignIn: daysAgo(1),
    licenses: [{ skuId: E3, assignedByGroup: null }],
    ...changes,
  };
}

interface FakeDirectory {
  disabled?: DirectoryUser[];
  inactive?: DirectoryUser[] | Error;
  excluded?: string[];
}

/** A directory double that returns what it is given (the Graph adapter has its own HTTP tests). */
function directory(fake: FakeDirectory): ReclaimDirectory & { cutoffs: Date[]; excludedAsked: string[] } {
  const cutoffs: Date[] = [];
  const excludedAsked: string[] = [];
  return {
    cutoffs,
    excludedAsked,
    disabledLicensedUsers: () => Promise.resolve(fake.disabled ?? []),
    usersNotSignedInSince: (cutoff) => {
      cutoffs.push(cutoff);
      return fake.inactive instanceof Error ? Promise.reject(fake.inactive) : Promise.resolve(fake.inactive ?? []);
    },
    transitiveMemberIds: (groupId) => {
      excludedAsked.push(groupId);
      return Promise.resolve(new Set((fake.excluded ?? []).map((id) => id.toLowerCase())));
    },
    groupNames: (ids) => Promise.resolve(new Map(ids.filter((id) => id === GROUP).map((id) => [id, 'Microsoft 365 E3 - Standard']))),
  };
}

const settings = { inactiveDays: 90, excludeGroupId: null, now: () => NOW };

function reasonsOf(candidates: ReclaimCandidate[]): string[] {
  return candidates.map((c) => `${c.userId}:${c.skuId === E3 ? 'E3' : 'Visio'}:${c.reason}`).sort();
}

describe('runReclaimScan (the candidate rules)', () => {
  it('makes one disabled candidate per product a disabled account holds', async () => {
    const leaver = user('leaver', { accountEnabled: false, licenses: [{ skuId: E3, assignedByGroup: null }, { skuId: VISIO, assignedByGroup: null }] });

    const scan = await runReclaimScan(directory({ disabled: [leaver] }), settings);

    assert.deepEqual(reasonsOf(scan.candidates), ['leaver:E3:disabled', 'leaver:Visio:disabled']);
    assert.equal(scan.inactiveUnknown, null);
    assert.equal(scan.inactiveDays, 90);
    assert.equal(scan.asOf, NOW.toISOString());
  });

  it('names the group when a seat is inherited from one, and when it is held both directly and through a group', async () => {
    const inherited = user('inherited', { accountEnabled: false, licenses: [{ skuId: E3, assignedByGroup: GROUP }] });
    const both = user('both', { accountEnabled: false, licenses: [{ skuId: E3, assignedByGroup: null }, { skuId: E3, assignedByGroup: GROUP }] });
    const direct = user('direct', { accountEnabled: false });

    const scan = await runReclaimScan(directory({ disabled: [inherited, both, direct] }), settings);

    const by = new Map(scan.candidates.map((c) => [c.userId, c.assignedBy]));
    assert.equal(scan.candidates.length, 3);
    assert.deepEqual(by.get('inherited'), { groupId: GROUP, displayName: 'Microsoft 365 E3 - Standard' });
    assert.deepEqual(by.get('both'), { groupId: GROUP, displayName: 'Microsoft 365 E3 - Standard' });
    assert.equal(by.get('direct'), 'direct');
  });

  it('keeps the group id with a null name when the group is gone', async () => {
    const orphan = user('orphan', { accountEnabled: false, licenses: [{ skuId: E3, assignedByGroup: 'bbbbbbbb-0000-0000-0000-000000000002' }] });

    const scan = await runReclaimScan(directory({ disabled: [orphan] }), settings);

    assert.deepEqual(scan.candidates[0]?.assignedBy, { groupId: 'bbbbbbbb-0000-0000-0000-000000000002', displayName: null });
  });

  it('makes enabled accounts without a successful sign-in since the cutoff, or never signed in, inactive candidates', async () => {
    const stale = user('stale', { lastSuccessfulSignIn: daysAgo(91) });
    const never = user('never', { lastSuccessfulSignIn: null });
    const onTheLine = user('on-the-line', { lastSuccessfulSignIn: daysAgo(90) });
    const recent = user('recent', { lastSuccessfulSignIn: daysAgo(89) });

    const fake = directory({ inactive: [stale, never, onTheLine, recent] });
    const scan = await runReclaimScan(fake, settings);

    assert.deepEqual(reasonsOf(scan.candidates), ['never:E3:inactive', 'on-the-line:E3:inactive', 'stale:E3:inactive']);
    assert.equal(fake.cutoffs[0]?.toISOString(), daysAgo(90));
    assert.equal(scan.candidates.find((c) => c.userId === 'stale')?.lastSignIn, daysAgo(91));
  });

  it('never makes an account created within the inactivity window, or of unknown age, inactive', async () => {
    const newcomer = user('newcomer', { createdDateTime: daysAgo(10), lastSuccessfulSignIn: null });
    const unknownAge = user('unknown-age', { createdDateTime: null, lastSuccessfulSignIn: null });

    const scan = await runReclaimScan(directory({ inactive: [newcomer, unknownAge] }), settings);

    assert.deepEqual(scan.candidates, []);
  });

  it('leaves unlicensed and disabled accounts out of the inactive candidates', async () => {
    const unlicensed = user('unlicensed', { licenses: [], lastSuccessfulSignIn: null });
    const disabledStale = user('disabled-stale', { accountEnabled: false, lastSuccessfulSignIn: daysAgo(300) });

    const scan = await runReclaimScan(directory({ disabled: [disabledStale], inactive: [unlicensed, disabledStale] }), settings);

    assert.deepEqual(reasonsOf(scan.candidates), ['disabled-stale:E3:disabled']);
    assert.equal(scan.candidates[0]?.lastSignIn, daysAgo(300), 'the disabled candidate shows the sign-in read for inactive seats');
  });

  it('never makes a member of the exclusion group a candidate, disabled or inactive', async () => {
    const sharedMailbox = user('Shared', { accountEnabled: false });
    const service = user('service', { lastSuccessfulSignIn: daysAgo(300) });
    const leaver = user('leaver', { accountEnabled: false });

    const fake = directory({ disabled: [sharedMailbox, leaver], inactive: [service], excluded: ['shared', 'SERVICE'] });
    const scan = await runReclaimScan(fake, { ...settings, excludeGroupId: GROUP });

    assert.deepEqual(reasonsOf(scan.candidates), ['leaver:E3:disabled']);
    assert.deepEqual(fake.excludedAsked, [GROUP]);
  });

  it('without AuditLog.Read.All, lists disabled candidates only and says inactive seats are unknown for lack of the permission', async () => {
    const missing = new MissingPermissionError('no AuditLog.Read.All', ['User.Read.All', 'AuditLog.Read.All']);
    const scan = await runReclaimScan(directory({ disabled: [user('leaver', { accountEnabled: false })], inactive: missing }), settings);

    assert.deepEqual(reasonsOf(scan.candidates), ['leaver:E3:disabled']);
    assert.equal(scan.inactiveUnknown?.reason, 'permission');
    assert.match(scan.inactiveUnknown.detail, /AuditLog\.Read\.All/);
  });

  it('in a tenant without Entra ID P1 or P2, says inactive seats are unknown for lack of the license', async () => {
    const scan = await runReclaimScan(directory({ inactive: new PremiumLicenseRequiredError('no premium') }), settings);

    assert.equal(scan.inactiveUnknown?.reason, 'premium-license');
    assert.match(scan.inactiveUnknown.detail, /P1 or P2/);
  });

  it('after another sign-in read failure, says the read failed', async () => {
    const scan = await runReclaimScan(directory({ inactive: new UnavailableError('Graph is down') }), settings);

    assert.equal(scan.inactiveUnknown?.reason, 'read-failed');
    assert.match(scan.inactiveUnknown.detail, /Graph is down/);
  });

  it('fails the scan when disabled users cannot be read', async () => {
    const failing: ReclaimDirectory = { ...directory({}), disabledLicensedUsers: () => Promise.reject(new UnavailableError('throttled')) };

    await assert.rejects(runReclaimScan(failing, settings), UnavailableError);
  });
});
