import { createDemoGuid } from './demo-guid';
import type { DemoGroup, DemoSku, DemoSubscription, DemoUser, LicenseAssignmentState } from './demo-records';
import { DemoTenant } from './demo-tenant';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Real SKU GUIDs from Microsoft's "Product names and service plan identifiers for licensing" table. */
const SKU = {
  SPE_E3: '05e9a617-0261-4cee-bb44-138d3ef5d965',
  ENTERPRISEPACK: '6fd2c87f-b296-42f0-b197-1e91e994b900',
  SPE_E5: '06ebc4ee-1bb5-47dd-8120-11324bc54e06',
  POWER_BI_PRO: 'f8a1db68-be16-40ed-86d5-cb42ce701560',
  EMSPREMIUM: 'b05e124f-c7cc-45a0-a6aa-8cf78c946968',
  VISIOCLIENT: 'c5928f49-12ba-48f7-ada3-0d743a3601d5',
  PROJECTPROFESSIONAL: '53818b1b-4a27-454b-8896-0dba576410e6',
  EXCHANGESTANDARD: '4b9405b0-7788-4568-add1-99614e613b69',
  FLOW_FREE: 'f30db892-07e9-47e9-837c-80727f46fd3d',
  Microsoft_Teams_Premium: '36a0f3b3-adb5-49ea-bf66-762134cf063a',
  WINDOWS_STORE: '6470687e-a428-4b7a-bef2-8a291ad947c9',
  POWERAPPS_VIRAL: 'dcb1a3ae-b33f-4487-846a-a640262fadf4',
  ENTERPRISEPREMIUM: 'c7df2760-2c81-4ef7-b578-5b5392b571df',
  Microsoft_365_Copilot: '639dec6b-bb19-468b-871c-c5c441c4b0cb',
} as const;

type ContosoSkuPart = keyof typeof SKU;

const id = (name: string): string => createDemoGuid(`contoso:${name}`);

/**
 * Well-known ids in the Contoso demo tenant, for tests and demos. Users are named after the people
 * of Microsoft's sample tenants.
 */
export const CONTOSO_IDS = {
  tenantId: id('tenant'),
  skus: SKU,
  /** Members may approve reservations (checkMemberGroups target). */
  approverGroupId: id('group:license-approvers'),
  /** Nested inside License Approvers: its members approve transitively. */
  itOperationsGroupId: id('group:it-operations'),
  e3StandardGroupId: id('group:m365-e3-standard'),
  contractorsGroupId: id('group:contractors'),
  tempStaffGroupId: id('group:temp-staff'),
  powerBiGroupId: id('group:power-bi-analysts'),
  /** Display name `R&D *Interns* ${x}`: must render literally. */
  rdInternsGroupId: id('group:rd-interns'),
  office365GroupId: id('group:office-365-e3'),
  emsGroupId: id('group:ems-devices'),
  /** Assigns Power BI Pro (over-assigned) and EMS E5 (seats free): its users are blocked on EMS E5. */
  salesBundleGroupId: id('group:sales-bundle'),
  /** Has a CountViolation on both Power BI Pro and EMS E5 through Sales Bundle. */
  blockedWithErrorUserId: id('user:allan.deyoung'),
  /** Has a CountViolation on Power BI Pro only through Sales Bundle: Graph recorded nothing on EMS E5. */
  blockedWithoutErrorUserId: id('user:emily.braun'),
  /** A Headroom admin (ADMIN_USER_IDS in demos) who is also in License Approvers. */
  adminUserId: id('user:megan.bowen'),
  /** A direct member of License Approvers. */
  approverUserId: id('user:alex.wilber'),
  /** A member of IT Operations, so of License Approvers only transitively. */
  nestedApproverUserId: id('user:lidia.holloway'),
  /** Licensed, in no approver group. */
  regularUserId: id('user:adele.vance'),
  /** Waiting for Microsoft 365 E3 through both Contractors and Temp Staff. */
  waitingInBothGroupsUserId: id('user:johanna.lorenz'),
  /** RECLAIM_EXCLUDE_GROUP_ID in demos: its members (also through nested groups) are never reclaim candidates. */
  reclaimExcludeGroupId: id('group:reclaim-exclusions'),
  /** Nested inside Reclaim Exclusions. */
  sharedMailboxesGroupId: id('group:shared-mailboxes'),
  /** Disabled, holds Microsoft 365 E3 directly: the first of the leavers (`former.employee01`). */
  disabledDirectUserId: id('user:former.employee01'),
  /** Disabled, holds Microsoft 365 E3 through Microsoft 365 E3 - Standard only. */
  disabledGroupUserId: id('user:nina.kowalski'),
  /** Disabled, holds Microsoft 365 E3 both directly and through Microsoft 365 E3 - Standard. */
  disabledBothUserId: id('user:omar.haddad'),
  /** Enabled, last successful sign-in 200 days ago: E3 through a group and Visio directly. */
  inactiveUserId: id('user:gerhart.moller'),
  /** Enabled, created 400 days ago, never signed in: Office 365 E3 through Office 365 E3 - Frontline. */
  neverSignedInUserId: id('user:sara.davis'),
  /** Enabled, never signed in, but created 10 days ago: never inactive. */
  recentUserId: id('user:new.starter'),
  /** Disabled with Office 365 E3 directly, but in Shared Mailboxes (nested in Reclaim Exclusions). */
  excludedNestedUserId: id('user:shared.reception'),
  /** Enabled, no sign-in for 300 days, Microsoft 365 E3 directly, a direct member of Reclaim Exclusions. */
  excludedDirectUserId: id('user:svc.scanner'),
} as const;

/** Leavers whose accounts are disabled but still hold Microsoft 365 E3 directly (`former.employee01`...). */
export const CONTOSO_DISABLED_DIRECT_E3 = 30;

interface PersonSpec {
  key: string;
  displayName: string;
  jobTitle: string | null;
  groups: string[];
  /** SKUs assigned and active, with the assigning group or null for direct. */
  active: [ContosoSkuPart, string | null][];
  /** Default true. */
  enabled?: boolean;
  /** Default 900. */
  createdDaysAgo?: number;
  /** Days since the last successful sign-in; null: never signed in. Default: a few days. */
  lastSignInDaysAgo?: number | null;
}

const G = CONTOSO_IDS;

const PEOPLE: PersonSpec[] = [
  { key: 'megan.bowen', displayName: 'Megan Bowen', jobTitle: 'IT Manager', groups: [G.approverGroupId, G.e3StandardGroupId], active: [['SPE_E3', G.e3StandardGroupId], ['SPE_E5', null]] },
  { key: 'alex.wilber', displayName: 'Alex Wilber', jobTitle: 'Procurement Lead', groups: [G.approverGroupId, G.e3StandardGroupId], active: [['SPE_E3', G.e3StandardGroupId]] },
  { key: 'lidia.holloway', displayName: 'Lidia Holloway', jobTitle: 'Systems Engineer', groups: [G.itOperationsGroupId, G.e3StandardGroupId], active: [['SPE_E3', G.e3StandardGroupId], ['VISIOCLIENT', null]] },
  { key: 'adele.vance', displayName: 'Adele Vance', jobTitle: 'Retail Manager', groups: [G.e3StandardGroupId, G.powerBiGroupId], active: [['SPE_E3', G.e3StandardGroupId], ['POWER_BI_PRO', G.powerBiGroupId]] },
  { key: 'patti.fernandez', displayName: 'Patti Fernandez', jobTitle: 'President', groups: [G.e3StandardGroupId], active: [['SPE_E5', null]] },
  { key: 'pradeep.gupta', displayName: 'Pradeep Gupta', jobTitle: 'Accountant', groups: [G.powerBiGroupId, G.office365GroupId], active: [['ENTERPRISEPACK', G.office365GroupId], ['POWER_BI_PRO', G.powerBiGroupId]] },
  { key: 'grady.archie', displayName: 'Grady Archie', jobTitle: 'Designer', groups: [G.office365GroupId, G.emsGroupId], active: [['ENTERPRISEPACK', G.office365GroupId], ['EMSPREMIUM', G.emsGroupId]] },
  { key: 'henrietta.mueller', displayName: 'Henrietta Mueller', jobTitle: 'Developer', groups: [G.e3StandardGroupId], active: [['SPE_E3', G.e3StandardGroupId], ['PROJECTPROFESSIONAL', null]] },
  { key: 'irvin.sayers', displayName: 'Irvin Sayers', jobTitle: 'Director', groups: [G.e3StandardGroupId], active: [['SPE_E3', G.e3StandardGroupId]] },
  { key: 'joni.sherman', displayName: 'Joni Sherman', jobTitle: 'Paralegal', groups: [G.office365GroupId], active: [['ENTERPRISEPACK', G.office365GroupId], ['EXCHANGESTANDARD', null]] },
  // Waiting for Microsoft 365 E3 (failed group assignments are added below).
  { key: 'diego.siciliani', displayName: 'Diego Siciliani', jobTitle: 'Contractor', groups: [G.contractorsGroupId], active: [['FLOW_FREE', null]] },
  { key: 'isaiah.langer', displayName: 'Isaiah Langer', jobTitle: 'Contractor', groups: [G.contractorsGroupId], active: [] },
  { key: 'johanna.lorenz', displayName: 'Johanna Lorenz', jobTitle: 'Contractor', groups: [G.contractorsGroupId, G.tempStaffGroupId], active: [] },
  { key: 'lee.gu', displayName: 'Lee Gu', jobTitle: 'Temporary Analyst', groups: [G.tempStaffGroupId], active: [] },
  { key: 'lynne.robbins', displayName: 'Lynne Robbins', jobTitle: 'Temporary Planner', groups: [G.tempStaffGroupId], active: [] },
  // Waiting for Power BI Pro through the R&D interns group.
  { key: 'miriam.graham', displayName: 'Miriam Graham', jobTitle: 'Intern', groups: [G.rdInternsGroupId], active: [['VISIOCLIENT', G.rdInternsGroupId]] },
  { key: 'nestor.wilke', displayName: 'Nestor Wilke', jobTitle: 'Intern', groups: [G.rdInternsGroupId], active: [['VISIOCLIENT', G.rdInternsGroupId]] },
  // Sales Bundle assigns Power BI Pro and EMS E5; Power BI Pro has no free seat, so they get neither.
  { key: 'allan.deyoung', displayName: 'Allan Deyoung', jobTitle: 'Sales Representative', groups: [G.salesBundleGroupId], active: [] },
  { key: 'debra.berger', displayName: 'Debra Berger', jobTitle: 'Sales Representative', groups: [G.salesBundleGroupId], active: [] },
  { key: 'emily.braun', displayName: 'Emily Braun', jobTitle: 'Sales Analyst', groups: [G.salesBundleGroupId], active: [] },
  { key: 'enrico.cattaneo', displayName: 'Enrico Cattaneo', jobTitle: 'Sales Analyst', groups: [G.salesBundleGroupId], active: [] },
  // Errors buying seats won't fix.
  { key: 'cameron.white', displayName: 'Cameron White', jobTitle: 'Contractor', groups: [G.contractorsGroupId], active: [] },
  { key: 'christie.cline', displayName: 'Christie Cline', jobTitle: 'Contractor', groups: [G.contractorsGroupId], active: [] },
  { key: 'ben.walters', displayName: 'Ben Walters', jobTitle: 'Store Associate', groups: [G.office365GroupId], active: [['SPE_E3', null]] },
  // Reclaim candidates (and accounts that must never be ones). They are among the seats already counted in consumedUnits.
  { key: 'nina.kowalski', displayName: 'Nina Kowalski', jobTitle: 'Former Buyer', groups: [G.e3StandardGroupId], active: [['SPE_E3', G.e3StandardGroupId]], enabled: false, lastSignInDaysAgo: 75 },
  {
    key: 'omar.haddad',
    displayName: 'Omar Haddad',
    jobTitle: 'Former Engineer',
    groups: [G.e3StandardGroupId],
    active: [['SPE_E3', null], ['SPE_E3', G.e3StandardGroupId]],
    enabled: false,
    lastSignInDaysAgo: 140,
  },
  { key: 'gerhart.moller', displayName: 'Gerhart Moller', jobTitle: 'Field Technician', groups: [G.e3StandardGroupId], active: [['SPE_E3', G.e3StandardGroupId], ['VISIOCLIENT', null]], lastSignInDaysAgo: 200 },
  { key: 'sara.davis', displayName: 'Sara Davis', jobTitle: 'Seasonal Clerk', groups: [G.office365GroupId], active: [['ENTERPRISEPACK', G.office365GroupId]], createdDaysAgo: 400, lastSignInDaysAgo: null },
  { key: 'new.starter', displayName: 'Nikolai Starter', jobTitle: 'Analyst', groups: [G.e3StandardGroupId], active: [['SPE_E3', G.e3StandardGroupId]], createdDaysAgo: 10, lastSignInDaysAgo: null },
  { key: 'shared.reception', displayName: 'Reception (shared)', jobTitle: null, groups: [G.sharedMailboxesGroupId], active: [['ENTERPRISEPACK', null]], enabled: false, lastSignInDaysAgo: null },
  { key: 'svc.scanner', displayName: 'Scanner Service', jobTitle: null, groups: [G.reclaimExcludeGroupId], active: [['SPE_E3', null]], lastSignInDaysAgo: 300 },
  ...Array.from({ length: CONTOSO_DISABLED_DIRECT_E3 }, (_, index): PersonSpec => {
    const n = String(index + 1).padStart(2, '0');
    return { key: `former.employee${n}`, displayName: `Former Employee ${n}`, jobTitle: null, groups: [], active: [['SPE_E3', null]], enabled: false, lastSignInDaysAgo: 30 + index * 7 };
  }),
];

/**
 * Failed assignments (CountViolation): [user key, SKU, group]. Johanna is in both E3 groups: 6
 * failures, 5 users. Sales Bundle's four users wait for Power BI Pro and are blocked on EMS E5.
 */
const WAITING: [string, ContosoSkuPart, string][] = [
  ['diego.siciliani', 'SPE_E3', G.contractorsGroupId],
  ['isaiah.langer', 'SPE_E3', G.contractorsGroupId],
  ['johanna.lorenz', 'SPE_E3', G.contractorsGroupId],
  ['johanna.lorenz', 'SPE_E3', G.tempStaffGroupId],
  ['lee.gu', 'SPE_E3', G.tempStaffGroupId],
  ['lynne.robbins', 'SPE_E3', G.tempStaffGroupId],
  ['miriam.graham', 'POWER_BI_PRO', G.rdInternsGroupId],
  ['nestor.wilke', 'POWER_BI_PRO', G.rdInternsGroupId],
  ['allan.deyoung', 'POWER_BI_PRO', G.salesBundleGroupId],
  ['debra.berger', 'POWER_BI_PRO', G.salesBundleGroupId],
  ['emily.braun', 'POWER_BI_PRO', G.salesBundleGroupId],
  ['enrico.cattaneo', 'POWER_BI_PRO', G.salesBundleGroupId],
  // Graph may also record an error on the group's other product; which code is not documented.
  ['allan.deyoung', 'EMSPREMIUM', G.salesBundleGroupId],
  ['debra.berger', 'EMSPREMIUM', G.salesBundleGroupId],
];

/** Failed assignments with errors other than CountViolation: [user key, SKU, group, error]. */
const OTHER_ERRORS: [string, ContosoSkuPart, string, LicenseAssignmentState['error']][] = [
  ['cameron.white', 'SPE_E3', G.contractorsGroupId, 'ProhibitedInUsageLocationViolation'],
  ['christie.cline', 'SPE_E3', G.contractorsGroupId, 'ProhibitedInUsageLocationViolation'],
  ['ben.walters', 'ENTERPRISEPACK', G.office365GroupId, 'MutuallyExclusiveViolation'],
];

/**
 * Contoso: the demo tenant. Microsoft 365 E3 is tight (497 of 500) with 5 users waiting in
 * Contractors and Temp Staff; Power BI Pro is over-assigned (52 of 50); EMS E5 has 50 seats in a
 * grace period; Office 365 E3 has plenty; Microsoft 365 E5 renews in 12 days; Teams Premium is a
 * trial; Windows Store for Business is company-wide; Power Automate Free is free; Power Apps Plan 2
 * Trial is viral. Office 365 E5 is suspended with 14 users still holding it; Microsoft Copilot has 6
 * users on the 10 seats of a subscription in its grace period; Sales Bundle assigns Power BI Pro and
 * EMS E5, so its 4 users wait for Power BI Pro and are blocked on EMS E5; two contractors cannot get
 * Microsoft 365 E3 in their usage location and one store associate has a mutually exclusive plan.
 * For reclaiming: 30 leavers' disabled accounts still hold E3 directly, two more hold it through a group
 * (one also directly), a shared mailbox in a group nested in Reclaim Exclusions holds Office 365 E3, and
 * some enabled accounts have not signed in for months, or never (one of them created only 10 days ago).
 * These seats are among those already counted in consumedUnits.
 */
export function createContosoTenant(now: Date = new Date()): DemoTenant {
  const lastUpdated = new Date(now.getTime() - 2 * DAY_MS).toISOString();
  const skus: DemoSku[] = [
    sku('SPE_E3', 'User', 'Enabled', 497, 500),
    sku('ENTERPRISEPACK', 'User', 'Enabled', 734, 1200),
    sku('SPE_E5', 'User', 'Enabled', 104, 120),
    sku('POWER_BI_PRO', 'User', 'Enabled', 52, 50),
    sku('EMSPREMIUM', 'User', 'Enabled', 280, 300, 50),
    sku('VISIOCLIENT', 'User', 'Enabled', 18, 25),
    sku('PROJECTPROFESSIONAL', 'User', 'Enabled', 31, 40, 0, 10),
    sku('EXCHANGESTANDARD', 'User', 'Enabled', 57, 60),
    sku('FLOW_FREE', 'User', 'Enabled', 212, 10000),
    sku('Microsoft_Teams_Premium', 'User', 'Enabled', 9, 25),
    sku('WINDOWS_STORE', 'Company', 'Enabled', 0, 1000000),
    sku('POWERAPPS_VIRAL', 'User', 'Enabled', 14, 10000),
    sku('ENTERPRISEPREMIUM', 'User', 'Suspended', 14, 0, 0, 25),
    sku('Microsoft_365_Copilot', 'User', 'Enabled', 26, 20, 10),
  ];
  const at = (days: number): string => new Date(now.getTime() + days * DAY_MS).toISOString();
  const subscriptions: DemoSubscription[] = [
    subscription('SPE_E3', 1, 'Enabled', 500, false, at(-400), at(180)),
    subscription('ENTERPRISEPACK', 1, 'Enabled', 1200, false, at(-900), at(240)),
    subscription('SPE_E5', 1, 'Enabled', 120, false, at(-353), at(12)),
    subscription('POWER_BI_PRO', 1, 'Enabled', 50, false, at(-200), at(165)),
    subscription('EMSPREMIUM', 1, 'Enabled', 300, false, at(-500), at(230)),
    subscription('EMSPREMIUM', 2, 'Warning', 50, false, at(-395), at(25)),
    subscription('VISIOCLIENT', 1, 'Enabled', 25, false, at(-120), at(245)),
    subscription('PROJECTPROFESSIONAL', 1, 'Enabled', 40, false, at(-300), at(65)),
    subscription('PROJECTPROFESSIONAL', 2, 'Suspended', 10, false, at(-420), at(60)),
    subscription('EXCHANGESTANDARD', 1, 'Enabled', 60, false, at(-700), at(30)),
    subscription('FLOW_FREE', 1, 'Enabled', 10000, false, at(-1000), null),
    subscription('Microsoft_Teams_Premium', 1, 'Enabled', 25, true, at(-10), at(20)),
    subscription('WINDOWS_STORE', 1, 'Enabled', 1000000, false, at(-1100), null),
    subscription('POWERAPPS_VIRAL', 1, 'Enabled', 10000, true, at(-60), null),
    subscription('ENTERPRISEPREMIUM', 1, 'Suspended', 25, false, at(-380), at(75)),
    subscription('Microsoft_365_Copilot', 1, 'Enabled', 20, false, at(-100), at(265)),
    subscription('Microsoft_365_Copilot', 2, 'Warning', 10, false, at(-372), at(23)),
  ];
  const groups: DemoGroup[] = [
    group(G.approverGroupId, 'License Approvers', 'May approve license reservations in Headroom', []),
    group(G.itOperationsGroupId, 'IT Operations', 'Infrastructure team', [], [G.approverGroupId]),
    group(G.e3StandardGroupId, 'Microsoft 365 E3 - Standard', 'Default Microsoft 365 E3 for employees', ['SPE_E3']),
    group(G.contractorsGroupId, 'Contractors', 'External contractors', ['SPE_E3']),
    group(G.tempStaffGroupId, 'Temp Staff', 'Seasonal and temporary staff', ['SPE_E3']),
    group(G.powerBiGroupId, 'Power BI Analysts', 'Report authors', ['POWER_BI_PRO']),
    group(G.rdInternsGroupId, 'R&D *Interns* ${x}', 'Interns in research & development <summer>', ['POWER_BI_PRO', 'VISIOCLIENT']),
    group(G.office365GroupId, 'Office 365 E3 - Frontline', 'Office 365 E3 for frontline staff', ['ENTERPRISEPACK']),
    group(G.emsGroupId, 'EMS Managed Devices', 'Device management', ['EMSPREMIUM']),
    group(G.salesBundleGroupId, 'Sales Bundle', 'Power BI Pro and EMS E5 for the sales team', ['POWER_BI_PRO', 'EMSPREMIUM']),
    group(G.reclaimExcludeGroupId, 'Reclaim Exclusions', 'Accounts whose licenses Headroom must never suggest reclaiming', []),
    group(G.sharedMailboxesGroupId, 'Shared Mailboxes', 'Shared mailboxes that need a license', [], [G.reclaimExcludeGroupId]),
  ];
  const ago = (days: number): string => new Date(now.getTime() - days * DAY_MS).toISOString();
  const users: DemoUser[] = PEOPLE.map((person, index) => ({
    id: id(`user:${person.key}`),
    displayName: person.displayName,
    userPrincipalName: `${person.key}@contoso.com`,
    mail: `${person.key}@contoso.com`,
    jobTitle: person.jobTitle,
    accountEnabled: person.enabled ?? true,
    groupIds: person.groups,
    createdDateTime: ago(person.createdDaysAgo ?? 900),
    signInActivity: signInActivity(person.lastSignInDaysAgo === undefined ? 1 + (index % 5) : person.lastSignInDaysAgo, ago),
    licenseAssignmentStates: person.active.map(([part, groupId]) => ({
      skuId: SKU[part],
      assignedByGroup: groupId,
      state: 'Active',
      error: 'None',
      disabledPlans: [],
      lastUpdatedDateTime: lastUpdated,
    })),
  }));
  const licenseErrors = new Map<string, LicenseAssignmentState[]>();
  for (const [key, part, groupId] of WAITING) {
    const userId = id(`user:${key}`);
    const states = licenseErrors.get(userId) ?? [];
    states.push({ skuId: SKU[part], assignedByGroup: groupId, state: 'Error', error: 'CountViolation', disabledPlans: [], lastUpdatedDateTime: lastUpdated });
    licenseErrors.set(userId, states);
  }
  for (const [key, part, groupId, error] of OTHER_ERRORS) {
    const userId = id(`user:${key}`);
    const states = licenseErrors.get(userId) ?? [];
    states.push({ skuId: SKU[part], assignedByGroup: groupId, state: 'Error', error, disabledPlans: [], lastUpdatedDateTime: lastUpdated });
    licenseErrors.set(userId, states);
  }
  return new DemoTenant({
    organization: {
      id: CONTOSO_IDS.tenantId,
      displayName: 'Contoso',
      verifiedDomains: [
        { name: 'contoso.com', isDefault: true, isInitial: false, type: 'Managed' },
        { name: 'contoso.onmicrosoft.com', isDefault: false, isInitial: true, type: 'Managed' },
      ],
    },
    skus,
    subscriptions,
    groups,
    users,
    licenseErrors,
  });
}

function signInActivity(daysAgo: number | null, ago: (days: number) => string): DemoUser['signInActivity'] {
  if (daysAgo === null) {
    return null;
  }
  return { lastSuccessfulSignInDateTime: ago(daysAgo), lastSignInDateTime: ago(daysAgo) };
}

function sku(part: ContosoSkuPart, appliesTo: string, capabilityStatus: string, consumedUnits: number, enabled: number, warning = 0, suspended = 0): DemoSku {
  return { skuId: SKU[part], skuPartNumber: part, appliesTo, capabilityStatus, consumedUnits, prepaidUnits: { enabled, warning, suspended, lockedOut: 0 } };
}

function subscription(
  part: ContosoSkuPart,
  n: number,
  status: string,
  totalLicenses: number,
  isTrial: boolean,
  createdDateTime: string,
  nextLifecycleDateTime: string | null,
): DemoSubscription {
  return { id: id(`subscription:${part}:${n}`), skuId: SKU[part], skuPartNumber: part, status, totalLicenses, isTrial, createdDateTime, nextLifecycleDateTime };
}

function group(groupId: string, displayName: string, description: string, licensed: ContosoSkuPart[], parentGroupIds: string[] = []): DemoGroup {
  return { id: groupId, displayName, description, licensedSkuIds: licensed.map((part) => SKU[part]), parentGroupIds };
}
