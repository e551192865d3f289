import type { DemoGroup, DemoOrganization, DemoSku, DemoSubscription, DemoUser } from './demo-records';
import type { DemoTenant } from './demo-tenant';

/** How one Graph entity type is rendered: its known properties and those returned without `$select`. */
export interface EntityShape<T> {
  /** Entity set name used in `@odata.context`, e.g. `users`. */
  entitySet: string;
  odataType: string;
  /** Every property `$select` may name (canonical casing). */
  properties: readonly string[];
  /** Properties returned when there is no `$select`. */
  defaults: readonly string[];
  toGraph(entity: T, tenant: DemoTenant): Record<string, unknown>;
}

/** The creation date of users whose record has none (the demo organization's creation date). */
const TENANT_CREATED = '2019-03-01T08:00:00Z';

const user: EntityShape<DemoUser> = {
  entitySet: 'users',
  odataType: '#microsoft.graph.user',
  properties: [
    'id', 'displayName', 'userPrincipalName', 'mail', 'jobTitle', 'accountEnabled', 'givenName', 'surname',
    'businessPhones', 'mobilePhone', 'officeLocation', 'preferredLanguage', 'usageLocation', 'department',
    'userType', 'licenseAssignmentStates', 'assignedLicenses', 'createdDateTime', 'signInActivity',
  ],
  // Like Graph, licenseAssignmentStates and assignedLicenses only come back when selected.
  defaults: ['businessPhones', 'displayName', 'givenName', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation', 'preferredLanguage', 'surname', 'userPrincipalName', 'id'],
  toGraph: (u) => {
    const [givenName, ...rest] = u.displayName.split(' ');
    return {
      id: u.id,
      displayName: u.displayName,
      userPrincipalName: u.userPrincipalName,
      mail: u.mail,
      jobTitle: u.jobTitle,
      accountEnabled: u.accountEnabled,
      givenName: givenName ?? null,
      surname: rest.length > 0 ? rest.join(' ') : null,
      businessPhones: [],
      mobilePhone: null,
      officeLocation: null,
      preferredLanguage: 'en-US',
      usageLocation: 'US',
      department: null,
      userType: 'Member',
      licenseAssignmentStates: u.licenseAssignmentStates.map((state) => ({ ...state, disabledPlans: [...state.disabledPlans] })),
      // One entry per product, however many ways (direct, groups) it is assigned.
      assignedLicenses: [
        ...new Map(
          u.licenseAssignmentStates
            .filter((state) => state.state === 'Active' || state.state === 'ActiveWithError')
            .map((state) => [state.skuId.toLowerCase(), { skuId: state.skuId, disabledPlans: [...state.disabledPlans] }] as const),
        ).values(),
      ],
      createdDateTime: u.createdDateTime ?? TENANT_CREATED,
      // Graph returns no signInActivity for a user who never signed in.
      signInActivity: u.signInActivity === undefined || u.signInActivity === null ? null : { ...u.signInActivity },
    };
  },
};

const group: EntityShape<DemoGroup> = {
  entitySet: 'groups',
  odataType: '#microsoft.graph.group',
  properties: [
    'id', 'displayName', 'description', 'mail', 'mailEnabled', 'mailNickname', 'securityEnabled', 'groupTypes',
    'visibility', 'assignedLicenses', 'hasMembersWithLicenseErrors', 'licenseProcessingState',
  ],
  defaults: ['id', 'displayName', 'description', 'mail', 'mailEnabled', 'mailNickname', 'securityEnabled', 'groupTypes', 'visibility'],
  toGraph: (g, tenant) => ({
    id: g.id,
    displayName: g.displayName,
    description: g.description,
    mail: null,
    mailEnabled: false,
    mailNickname: g.displayName.replace(/[^A-Za-z0-9]/g, '').slice(0, 64) || g.id.slice(0, 8),
    securityEnabled: true,
    groupTypes: [],
    visibility: null,
    assignedLicenses: g.licensedSkuIds.map((skuId) => ({ skuId, disabledPlans: [] })),
    hasMembersWithLicenseErrors: tenant.hasMembersWithLicenseErrors(g.id),
    licenseProcessingState: g.licensedSkuIds.length > 0 ? { state: 'ProcessingComplete' } : null,
  }),
};

const subscribedSku: EntityShape<DemoSku> = {
  entitySet: 'subscribedSkus',
  odataType: '#microsoft.graph.subscribedSku',
  properties: ['id', 'accountId', 'accountName', 'appliesTo', 'capabilityStatus', 'consumedUnits', 'prepaidUnits', 'servicePlans', 'skuId', 'skuPartNumber', 'subscriptionIds'],
  defaults: ['id', 'accountId', 'accountName', 'appliesTo', 'capabilityStatus', 'consumedUnits', 'prepaidUnits', 'servicePlans', 'skuId', 'skuPartNumber', 'subscriptionIds'],
  toGraph: (s, tenant) => ({
    id: `${tenant.tenantId}_${s.skuId}`,
    accountId: tenant.tenantId,
    accountName: tenant.organization.displayName,
    appliesTo: s.appliesTo,
    capabilityStatus: s.capabilityStatus,
    consumedUnits: s.consumedUnits,
    prepaidUnits: { ...s.prepaidUnits },
    servicePlans: [],
    skuId: s.skuId,
    skuPartNumber: s.skuPartNumber,
    subscriptionIds: tenant.subscriptions.filter((sub) => sub.skuId === s.skuId).map((sub) => sub.id),
  }),
};

const companySubscription: EntityShape<DemoSubscription> = {
  entitySet: 'directory/subscriptions',
  odataType: '#microsoft.graph.companySubscription',
  properties: ['id', 'commerceSubscriptionId', 'createdDateTime', 'isTrial', 'nextLifecycleDateTime', 'ownerId', 'ownerTenantId', 'ownerType', 'serviceStatus', 'skuId', 'skuPartNumber', 'status', 'totalLicenses'],
  defaults: ['id', 'commerceSubscriptionId', 'createdDateTime', 'isTrial', 'nextLifecycleDateTime', 'ownerId', 'ownerTenantId', 'ownerType', 'serviceStatus', 'skuId', 'skuPartNumber', 'status', 'totalLicenses'],
  toGraph: (s, tenant) => ({
    id: s.id,
    commerceSubscriptionId: s.id,
    createdDateTime: s.createdDateTime,
    isTrial: s.isTrial,
    nextLifecycleDateTime: s.nextLifecycleDateTime,
    ownerId: tenant.tenantId,
    ownerTenantId: tenant.tenantId,
    ownerType: 'Tenant',
    serviceStatus: [],
    skuId: s.skuId,
    skuPartNumber: s.skuPartNumber,
    status: s.status,
    totalLicenses: s.totalLicenses,
  }),
};

const organization: EntityShape<DemoOrganization> = {
  entitySet: 'organization',
  odataType: '#microsoft.graph.organization',
  properties: ['id', 'displayName', 'verifiedDomains', 'tenantType', 'countryLetterCode', 'preferredLanguage', 'createdDateTime'],
  defaults: ['id', 'displayName', 'verifiedDomains', 'tenantType', 'countryLetterCode', 'preferredLanguage', 'createdDateTime'],
  toGraph: (o) => ({
    id: o.id,
    displayName: o.displayName,
    verifiedDomains: o.verifiedDomains.map((domain) => ({ capabilities: 'Email, OfficeCommunicationsOnline', ...domain })),
    tenantType: 'AAD',
    countryLetterCode: 'US',
    preferredLanguage: 'en',
    createdDateTime: '2019-03-01T08:00:00Z',
  }),
};

/** The Graph entity types the demo server renders. */
export const ENTITY_SHAPES = { user, group, subscribedSku, companySubscription, organization } as const;
