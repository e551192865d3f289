/**
 * The one table of Microsoft Graph application permissions Headroom uses: every Graph call Headroom
 * makes, which permissions allow it (least privileged first, as Microsoft's API pages list them),
 * and the permissions Headroom asks an admin to grant. The README, docs/permissions.md, the doctor
 * and every permission error text come from here or are checked against it by a test.
 */

/** The application permissions Headroom asks for. */
export type HeadroomPermission =
  | 'Organization.Read.All'
  | 'GroupMember.Read.All'
  | 'User.Read.All'
  | 'AuditLog.Read.All'
  | 'LicenseAssignment.ReadWrite.All';

export interface PermissionGrantAdvice {
  permission: HeadroomPermission;
  level: 'required' | 'optional';
  /** What Headroom does with it, in the words the README and the doctor use. */
  neededFor: string;
  /** What stops working without it. */
  effectWhenMissing: string;
}

/** One Graph call Headroom makes. */
export interface GraphCallPermissions {
  /** Stable id, used by the doctor and in logs. */
  id: string;
  method: 'GET' | 'POST';
  /** The path as the docs write it, for people. */
  path: string;
  /** Matches the path (under `/v1.0/`, no leading slash) of a request for this call. */
  pattern: RegExp;
  description: string;
  /** What Headroom grants for it: all of these together. */
  needs: readonly HeadroomPermission[];
  /** Each entry is one set of permissions that together allow the call, least privileged first. */
  allowedBy: readonly (readonly string[])[];
  /** Microsoft's page for the call (its Permissions section). */
  docs: string;
  /** Where the docs are silent, what Headroom assumes and why. */
  assumption?: string;
  /** Only made when this feature is on. */
  feature: 'snapshot' | 'access' | 'reclaim';
}

const LEARN = 'https://learn.microsoft.com/graph/api';

export const HEADROOM_PERMISSIONS: readonly PermissionGrantAdvice[] = [
  {
    permission: 'Organization.Read.All',
    level: 'required',
    neededFor: 'the tenant (`organization`), subscribed licenses (`subscribedSkus`) and subscriptions (`directory/subscriptions`)',
    effectWhenMissing: 'nothing can be shown: every license figure comes from subscribedSkus',
  },
  {
    permission: 'GroupMember.Read.All',
    level: 'required',
    neededFor: 'groups with license errors and their members (waiting users); members of RECLAIM_EXCLUDE_GROUP_ID; with User.Read.All, `checkMemberGroups` for ADMIN_GROUP_ID and APPROVER_GROUP_ID',
    effectWhenMissing: 'waiting users and the shortfall are unknown; group-based admin and approver checks are refused',
  },
  {
    permission: 'User.Read.All',
    level: 'required',
    neededFor: "users' `licenseAssignmentStates`; disabled licensed users (reclaim scan); with GroupMember.Read.All, `checkMemberGroups` for ADMIN_GROUP_ID and APPROVER_GROUP_ID",
    effectWhenMissing: 'group-based admin and approver checks (ADMIN_GROUP_ID, APPROVER_GROUP_ID) are refused; ADMIN_USER_IDS still work; no reclaim scan',
  },
  {
    permission: 'AuditLog.Read.All',
    level: 'optional',
    neededFor: '`signInActivity`, for inactive seats (the tenant also needs Microsoft Entra ID P1 or P2)',
    effectWhenMissing: 'inactive seats are unknown',
  },
  {
    permission: 'LicenseAssignment.ReadWrite.All',
    level: 'optional',
    neededFor: '`assignLicense` removals when reclaiming seats (off unless RECLAIM_ACTIONS=on)',
    effectWhenMissing: 'seats cannot be reclaimed from chat',
  },
];

export const GRAPH_CALLS: readonly GraphCallPermissions[] = [
  {
    id: 'organization',
    method: 'GET',
    path: '/organization',
    pattern: /^organization(?:[/?]|$)/i,
    description: 'the organization profile',
    needs: ['Organization.Read.All'],
    allowedBy: [['Organization.Read.All'], ['Directory.Read.All'], ['Organization.ReadWrite.All'], ['Directory.ReadWrite.All']],
    docs: `${LEARN}/organization-get?view=graph-rest-1.0`,
    feature: 'snapshot',
  },
  {
    id: 'subscribed-skus',
    method: 'GET',
    path: '/subscribedSkus',
    pattern: /^subscribedSkus(?:[/?]|$)/i,
    description: 'subscribed licenses (subscribedSkus)',
    needs: ['Organization.Read.All'],
    allowedBy: [['Organization.Read.All'], ['Directory.Read.All'], ['Directory.ReadWrite.All'], ['Organization.ReadWrite.All']],
    docs: `${LEARN}/subscribedsku-list?view=graph-rest-1.0`,
    feature: 'snapshot',
  },
  {
    id: 'directory-subscriptions',
    method: 'GET',
    path: '/directory/subscriptions',
    pattern: /^directory\/subscriptions(?:[/?]|$)/i,
    description: 'the tenant subscriptions (directory/subscriptions)',
    needs: ['Organization.Read.All'],
    allowedBy: [['Organization.Read.All'], ['Directory.Read.All'], ['Organization.ReadWrite.All']],
    docs: `${LEARN}/directory-list-subscriptions?view=graph-rest-1.0`,
    feature: 'snapshot',
  },
  {
    id: 'groups-with-license-errors',
    method: 'GET',
    path: '/groups?$filter=hasMembersWithLicenseErrors eq true',
    pattern: /^groups(?:\?|$)/i,
    description: 'groups with license errors',
    needs: ['GroupMember.Read.All'],
    allowedBy: [['GroupMember.Read.All'], ['Group.Read.All'], ['Directory.Read.All'], ['Group.ReadWrite.All'], ['Directory.ReadWrite.All']],
    docs: `${LEARN}/group-list?view=graph-rest-1.0`,
    feature: 'snapshot',
  },
  {
    id: 'members-with-license-errors',
    method: 'GET',
    path: '/groups/{id}/membersWithLicenseErrors',
    pattern: /^groups\/[^/?]+\/membersWithLicenseErrors(?:\?|$)/i,
    description: 'group members with license errors',
    needs: ['GroupMember.Read.All'],
    allowedBy: [['GroupMember.Read.All'], ['Group.Read.All'], ['Directory.Read.All'], ['Group.ReadWrite.All'], ['Directory.ReadWrite.All']],
    docs: `${LEARN}/group-list-memberswithlicenseerrors?view=graph-rest-1.0`,
    assumption:
      'The page has no permissions table. It is a navigation from a group to its member objects, like `groups/{id}/members`, ' +
      'so Headroom assumes the group-member permissions of group-list-members apply (GroupMember.Read.All first).',
    feature: 'snapshot',
  },
  {
    id: 'user-license-states',
    method: 'GET',
    path: '/users/{id}?$select=id,licenseAssignmentStates',
    pattern: /^users\/[^/?]+(?:\?|$)/i,
    description: "a user's license assignment states",
    needs: ['User.Read.All'],
    allowedBy: [['User.Read.All'], ['User.ReadWrite.All'], ['Directory.Read.All'], ['Directory.ReadWrite.All']],
    docs: `${LEARN}/user-get?view=graph-rest-1.0`,
    feature: 'snapshot',
  },
  {
    id: 'check-member-groups',
    method: 'POST',
    path: '/users/{id}/checkMemberGroups',
    pattern: /^users\/[^/?]+\/checkMemberGroups(?:\?|$)/i,
    description: 'group memberships of a user (checkMemberGroups)',
    needs: ['User.Read.All', 'GroupMember.Read.All'],
    allowedBy: [['User.Read.All', 'GroupMember.Read.All'], ['User.Read.All', 'Group.Read.All'], ['Directory.Read.All']],
    docs: `${LEARN}/directoryobject-checkmembergroups?view=graph-rest-1.0`,
    feature: 'access',
  },
  {
    id: 'users-sign-in-activity',
    method: 'GET',
    path: '/users?$filter=signInActivity/lastSuccessfulSignInDateTime le {date}&$select=...,signInActivity',
    pattern: /^users\?(?:.*&)?\$select=[^&]*signInActivity/i,
    description: "users' sign-in activity",
    needs: ['User.Read.All', 'AuditLog.Read.All'],
    allowedBy: [['User.Read.All', 'AuditLog.Read.All'], ['Directory.Read.All', 'AuditLog.Read.All']],
    docs: `${LEARN}/resources/signinactivity?view=graph-rest-1.0`,
    assumption:
      'The user resource documents `$filter` on signInActivity with eq, ne, not, ge and le, but not combined with other ' +
      'properties, and signInActivity needs Microsoft Entra ID P1 or P2. Headroom sends `le {date}` and, for accounts that ' +
      'never signed in, `eq null`; the docs show no `eq null` example, so Headroom assumes Graph takes the OData null literal there.',
    feature: 'reclaim',
  },
  {
    id: 'users-disabled-licensed',
    method: 'GET',
    path: '/users?$filter=accountEnabled eq false and assignedLicenses/$count ne 0&$count=true (ConsistencyLevel: eventual)',
    pattern: /^users\?(?:.*&)?\$filter=accountEnabled/i,
    description: 'disabled users who still hold licenses',
    needs: ['User.Read.All'],
    allowedBy: [['User.Read.All'], ['User.ReadWrite.All'], ['Directory.Read.All'], ['Directory.ReadWrite.All']],
    docs: `${LEARN}/user-list?view=graph-rest-1.0`,
    feature: 'reclaim',
  },
  {
    id: 'group',
    method: 'GET',
    path: '/groups/{id}?$select=id,displayName',
    pattern: /^groups\/[^/?]+(?:\?|$)/i,
    description: 'the name of a group that assigns a reclaimable seat',
    needs: ['GroupMember.Read.All'],
    allowedBy: [['GroupMember.Read.All'], ['Group.Read.All'], ['Directory.Read.All'], ['Group.ReadWrite.All'], ['Directory.ReadWrite.All']],
    docs: `${LEARN}/group-get?view=graph-rest-1.0`,
    feature: 'reclaim',
  },
  {
    id: 'group-transitive-member-users',
    method: 'GET',
    path: '/groups/{id}/transitiveMembers/microsoft.graph.user',
    pattern: /^groups\/[^/?]+\/transitiveMembers(?:\/microsoft\.graph\.user)?(?:\?|$)/i,
    description: 'the members of the reclaim exclusion group (RECLAIM_EXCLUDE_GROUP_ID), nested groups included',
    needs: ['GroupMember.Read.All'],
    allowedBy: [['GroupMember.Read.All'], ['Directory.Read.All'], ['Group.Read.All'], ['Group.ReadWrite.All'], ['GroupMember.ReadWrite.All']],
    docs: `${LEARN}/group-list-transitivemembers?view=graph-rest-1.0`,
    feature: 'reclaim',
  },
  {
    id: 'assign-license',
    method: 'POST',
    path: '/users/{id}/assignLicense',
    pattern: /^users\/[^/?]+\/assignLicense(?:\?|$)/i,
    description: 'license removals (assignLicense)',
    needs: ['LicenseAssignment.ReadWrite.All'],
    allowedBy: [['LicenseAssignment.ReadWrite.All'], ['Directory.ReadWrite.All'], ['User.ReadWrite.All']],
    docs: `${LEARN}/user-assignlicense?view=graph-rest-1.0`,
    feature: 'reclaim',
  },
];

/** The required permissions, in table order. */
export const REQUIRED_PERMISSIONS: readonly HeadroomPermission[] = HEADROOM_PERMISSIONS.filter((p) => p.level === 'required').map((p) => p.permission);
