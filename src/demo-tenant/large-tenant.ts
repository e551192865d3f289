import { createDemoGuid } from './demo-guid';
import type { DemoGroup, DemoSignInActivity, DemoSku, DemoSubscription, DemoUser, LicenseAssignmentState } from './demo-records';
import { DemoTenant } from './demo-tenant';
import type { UserDirectory } from './user-directory';

export interface LargeTenantOptions {
  /** Default 100,000. */
  users?: number;
  /** Groups that assign a license; default 1,000. */
  licensedGroups?: number;
  /** Default 50. */
  skus?: number;
  /** Distinct users with a CountViolation; default 2,000. */
  waitingUsers?: number;
  /** Licensed groups holding the waiting users (the first ones); default 40. */
  errorGroups?: number;
  /** Disabled accounts that still hold their license (reclaim candidates); default 0. Never waiting users. */
  disabledLicensedUsers?: number;
  /** The clock sign-in dates are relative to: enabled users signed in a day before, disabled ones 200 days before. */
  now?: Date;
  /** Changes ids and seat counts; default 1. */
  seed?: number;
}

/** Real SKUs from Microsoft's product table, used first; further SKUs get made-up part numbers. */
const REAL_SKUS: [string, string][] = [
  ['SPE_E3', '05e9a617-0261-4cee-bb44-138d3ef5d965'],
  ['ENTERPRISEPACK', '6fd2c87f-b296-42f0-b197-1e91e994b900'],
  ['SPE_E5', '06ebc4ee-1bb5-47dd-8120-11324bc54e06'],
  ['POWER_BI_PRO', 'f8a1db68-be16-40ed-86d5-cb42ce701560'],
  ['EMS', 'efccb6f7-5641-4e0e-bd10-b4976e1bf68e'],
  ['VISIOCLIENT', 'c5928f49-12ba-48f7-ada3-0d743a3601d5'],
  ['PROJECTPROFESSIONAL', '53818b1b-4a27-454b-8896-0dba576410e6'],
  ['EXCHANGESTANDARD', '4b9405b0-7788-4568-add1-99614e613b69'],
];

const DAY_MS = 24 * 60 * 60 * 1000;
/** A fixed clock keeps the large tenant identical on every build. */
const EPOCH = Date.UTC(2025, 0, 1);
/** Every virtual user was created long before any inactivity window. */
const CREATED = new Date(EPOCH - 1000 * DAY_MS).toISOString();

/**
 * A large, deterministic tenant for benchmarks and scale tests. Users are virtual: each user's record
 * is computed from its index when asked for, so building takes milliseconds and little memory.
 *
 * Layout: licensed group g assigns SKU g % skus. Waiting user k is user k * stride; it is a member of
 * error group k % errorGroups and holds a CountViolation from it. Every other user i is a member of
 * group i % licensedGroups with an active license from it.
 */
export function createLargeTenant(options: LargeTenantOptions = {}): DemoTenant {
  const users = wholeNumber('users', options.users ?? 100_000, 1);
  const licensedGroups = wholeNumber('licensedGroups', options.licensedGroups ?? 1_000, 1);
  const skuCount = wholeNumber('skus', options.skus ?? 50, 1);
  const waitingUsers = wholeNumber('waitingUsers', options.waitingUsers ?? 2_000, 0);
  const errorGroups = wholeNumber('errorGroups', options.errorGroups ?? 40, waitingUsers > 0 ? 1 : 0);
  const seed = options.seed ?? 1;
  const disabledUsers = wholeNumber('disabledLicensedUsers', options.disabledLicensedUsers ?? 0, 0);
  if (disabledUsers > users) {
    throw new RangeError(`disabledLicensedUsers (${disabledUsers}) cannot exceed users (${users})`);
  }
  if (waitingUsers > users) {
    throw new RangeError(`waitingUsers (${waitingUsers}) cannot exceed users (${users})`);
  }
  if (errorGroups > licensedGroups) {
    throw new RangeError(`errorGroups (${errorGroups}) cannot exceed licensedGroups (${licensedGroups})`);
  }
  const random = mulberry32(seed);
  const tenantId = createDemoGuid(`large:${seed}:tenant`);

  const skus: DemoSku[] = [];
  const subscriptions: DemoSubscription[] = [];
  for (let s = 0; s < skuCount; s += 1) {
    const real = REAL_SKUS[s];
    const skuId = real?.[1] ?? createDemoGuid(`large:${seed}:sku:${s}`);
    const skuPartNumber = real?.[0] ?? `DEMO_SKU_${String(s + 1).padStart(3, '0')}`;
    const enabled = 100 * (5 + Math.floor(random() * 200));
    // SKUs with waiting users are full: that is why the assignments failed.
    const hasErrors = s < Math.min(errorGroups, skuCount);
    const consumedUnits = hasErrors ? enabled : Math.floor(enabled * (0.5 + random() * 0.45));
    skus.push({ skuId, skuPartNumber, appliesTo: 'User', capabilityStatus: 'Enabled', consumedUnits, prepaidUnits: { enabled, warning: 0, suspended: 0, lockedOut: 0 } });
    subscriptions.push({
      id: createDemoGuid(`large:${seed}:subscription:${s}`),
      skuId,
      skuPartNumber,
      status: 'Enabled',
      totalLicenses: enabled,
      isTrial: false,
      createdDateTime: new Date(EPOCH - (100 + s) * DAY_MS).toISOString(),
      nextLifecycleDateTime: new Date(EPOCH + (30 + ((s * 37) % 300)) * DAY_MS).toISOString(),
    });
  }

  const groups: DemoGroup[] = [];
  for (let g = 0; g < licensedGroups; g += 1) {
    const sku = skus[g % skuCount] as DemoSku;
    groups.push({
      id: createDemoGuid(`large:${seed}:group:${g}`),
      displayName: `Licensing ${sku.skuPartNumber} ${String(g + 1).padStart(4, '0')}`,
      description: null,
      licensedSkuIds: [sku.skuId],
      parentGroupIds: [],
    });
  }

  const stride = waitingUsers > 0 ? Math.floor(users / waitingUsers) : 0;
  const errorGroupOf = (index: number): number | undefined => {
    if (stride === 0 || index % stride !== 0 || index / stride >= waitingUsers) {
      return undefined;
    }
    return (index / stride) % errorGroups;
  };
  // Disabled user k is user k * disabledStride + (disabledStride - 1), unless that user is waiting.
  const disabledStride = disabledUsers > 0 ? Math.floor(users / disabledUsers) : 0;
  const isDisabled = (index: number): boolean =>
    disabledStride > 0 && index % disabledStride === disabledStride - 1 && Math.floor(index / disabledStride) < disabledUsers && errorGroupOf(index) === undefined;
  // Whole days keep two tenants built the same day identical.
  const now = Math.floor((options.now ?? new Date()).getTime() / DAY_MS) * DAY_MS;
  const activity = {
    enabled: signedInAt(new Date(now - DAY_MS).toISOString()),
    disabled: signedInAt(new Date(now - 200 * DAY_MS).toISOString()),
  };
  const directory = new VirtualUserDirectory(users, createDemoGuid(`large:${seed}:users`).slice(0, 24), groups, skus, errorGroupOf, isDisabled, activity);

  const lastUpdated = new Date(EPOCH - DAY_MS).toISOString();
  const licenseErrors = new Map<string, LicenseAssignmentState[]>();
  for (let k = 0; k < waitingUsers; k += 1) {
    const group = groups[k % errorGroups] as DemoGroup;
    licenseErrors.set(directory.idAt(k * stride), [
      { skuId: group.licensedSkuIds[0] ?? '', assignedByGroup: group.id, state: 'Error', error: 'CountViolation', disabledPlans: [], lastUpdatedDateTime: lastUpdated },
    ]);
  }

  return new DemoTenant({
    organization: {
      id: tenantId,
      displayName: 'Fabrikam (large demo)',
      verifiedDomains: [{ name: 'fabrikam.example', isDefault: true, isInitial: true, type: 'Managed' }],
    },
    skus,
    subscriptions,
    groups,
    users: directory,
    licenseErrors,
  });
}

/** Users computed from their index; ids are a fixed 24-character prefix plus the index in hex. */
class VirtualUserDirectory implements UserDirectory {
  constructor(
    readonly size: number,
    private readonly idPrefix: string,
    private readonly groups: readonly DemoGroup[],
    private readonly skus: readonly DemoSku[],
    /** The error group index of a waiting user, undefined for everyone else. */
    private readonly errorGroupOf: (index: number) => number | undefined,
    private readonly isDisabled: (index: number) => boolean,
    private readonly activity: { enabled: DemoSignInActivity; disabled: DemoSignInActivity },
  ) {}

  idAt(index: number): string {
    return `${this.idPrefix}${index.toString(16).padStart(12, '0')}`;
  }

  indexOf(userId: string): number | undefined {
    const id = userId.toLowerCase();
    if (id.length !== 36 || !id.startsWith(this.idPrefix)) {
      return undefined;
    }
    const suffix = id.slice(24);
    if (!/^[0-9a-f]{12}$/.test(suffix)) {
      return undefined;
    }
    const index = parseInt(suffix, 16);
    return index < this.size ? index : undefined;
  }

  userAt(index: number): DemoUser {
    if (!Number.isInteger(index) || index < 0 || index >= this.size) {
      throw new RangeError(`No user at index ${index}`);
    }
    const errorGroup = this.errorGroupOf(index);
    const disabled = this.isDisabled(index);
    const group = this.groups[errorGroup ?? index % this.groups.length] as DemoGroup;
    const alias = `user${String(index + 1).padStart(6, '0')}`;
    const skuId = group.licensedSkuIds[0] ?? (this.skus[0] as DemoSku).skuId;
    return {
      id: this.idAt(index),
      displayName: `User ${index + 1}`,
      userPrincipalName: `${alias}@fabrikam.example`,
      mail: `${alias}@fabrikam.example`,
      jobTitle: null,
      accountEnabled: !disabled,
      groupIds: [group.id],
      createdDateTime: CREATED,
      signInActivity: disabled ? this.activity.disabled : this.activity.enabled,
      // A waiting user's only state is the error, which the tenant adds.
      licenseAssignmentStates:
        errorGroup === undefined
          ? [{ skuId, assignedByGroup: group.id, state: 'Active', error: 'None', disabledPlans: [], lastUpdatedDateTime: null }]
          : [],
    };
  }
}

function signedInAt(iso: string): DemoSignInActivity {
  return { lastSuccessfulSignInDateTime: iso, lastSignInDateTime: iso };
}

function wholeNumber(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(`${name} must be a whole number of at least ${min}, got ${value}`);
  }
  return value;
}

/** A small seeded PRNG (mulberry32): deterministic seat counts for a given seed. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
