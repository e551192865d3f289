import type { SubscribedSku, TenantSubscription } from '../licenses/license-snapshot';

/** The tenant's organization entry (Graph `organization`). */
export interface DemoOrganization {
  id: string;
  displayName: string;
  verifiedDomains: { name: string; isDefault: boolean; isInitial: boolean; type: string }[];
}

/** A subscribed SKU as the demo tenant stores it: the Graph `subscribedSku` shape. */
export type DemoSku = SubscribedSku;

/** A commerce subscription as the demo tenant stores it: the Graph `companySubscription` shape. */
export type DemoSubscription = TenantSubscription;

/** A security group; `licensedSkuIds` are the SKUs it assigns through group-based licensing. */
export interface DemoGroup {
  id: string;
  displayName: string;
  description: string | null;
  licensedSkuIds: string[];
  /** Groups this group is itself a member of (for transitive membership). */
  parentGroupIds: string[];
}

/** One entry of a user's Graph `licenseAssignmentStates`. */
export interface LicenseAssignmentState {
  skuId: string;
  /** The group that assigned the license; null for a direct assignment. */
  assignedByGroup: string | null;
  state: 'Active' | 'ActiveWithError' | 'Disabled' | 'Error';
  error: 'None' | 'CountViolation' | 'MutuallyExclusiveViolation' | 'DependencyViolation' | 'ProhibitedInUsageLocationViolation' | 'UniquenessViolation' | 'Other';
  disabledPlans: string[];
  lastUpdatedDateTime: string | null;
}

/** A user's Graph `signInActivity` (the two dates Headroom reads). */
export interface DemoSignInActivity {
  /** The last successful sign-in, interactive or not; null when there was none since Graph began recording it. */
  lastSuccessfulSignInDateTime: string | null;
  /** The last interactive sign-in attempt. */
  lastSignInDateTime: string | null;
}

/** A user of the demo tenant; `groupIds` are the groups the user is a direct member of. */
export interface DemoUser {
  id: string;
  displayName: string;
  userPrincipalName: string;
  mail: string | null;
  jobTitle: string | null;
  accountEnabled: boolean;
  groupIds: readonly string[];
  licenseAssignmentStates: readonly LicenseAssignmentState[];
  /** When the account was created (ISO-8601); absent means long ago (the tenant's creation). */
  createdDateTime?: string;
  /** Absent or null: the user never signed in (Graph then returns no signInActivity). */
  signInActivity?: DemoSignInActivity | null;
}
