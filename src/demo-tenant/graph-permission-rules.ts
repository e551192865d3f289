/**
 * The demo Graph's own transcription of Microsoft Graph's application-permission tables, written
 * from Microsoft's pages (one link per rule), not from Headroom's client table: the two are kept
 * apart so a test can catch the client asking for the wrong permission. A call is allowed when the
 * caller holds every permission of at least one entry of `anyOf`.
 */
export interface GraphPermissionRule {
  method: 'GET' | 'POST';
  /** Path segments after `/v1.0/`; `*` matches one id. */
  segments: readonly string[];
  /** When set, the rule applies only when `$select` names this property. */
  selects?: string;
  anyOf: readonly (readonly string[])[];
  source: string;
}

const DOCS = 'https://learn.microsoft.com/graph/api';
const ORGANIZATION_READERS = [['Organization.Read.All'], ['Directory.Read.All'], ['Organization.ReadWrite.All'], ['Directory.ReadWrite.All']];
const GROUP_READERS = [
  ['GroupMember.Read.All'],
  ['Group.Read.All'],
  ['Directory.Read.All'],
  ['Group.ReadWrite.All'],
  ['Directory.ReadWrite.All'],
  ['Group-NestingSupport.ReadWrite.All'],
  ['Group.ManageProtection.All'],
];
const TRANSITIVE_MEMBER_READERS = [['GroupMember.Read.All'], ['Directory.Read.All'], ['Group.Read.All'], ['Group.ReadWrite.All'], ['GroupMember.ReadWrite.All']];
const USER_READERS = [['User.Read.All'], ['User.ReadWrite.All'], ['Directory.Read.All'], ['Directory.ReadWrite.All']];

export const GRAPH_PERMISSION_RULES: readonly GraphPermissionRule[] = [
  // organization-get: Application row "Organization.Read.All, Directory.Read.All, Organization.ReadWrite.All, Directory.ReadWrite.All".
  { method: 'GET', segments: ['organization'], anyOf: ORGANIZATION_READERS, source: `${DOCS}/organization-list?view=graph-rest-1.0` },
  { method: 'GET', segments: ['organization', '*'], anyOf: ORGANIZATION_READERS, source: `${DOCS}/organization-get?view=graph-rest-1.0` },
  // subscribedsku-list: least privileged Organization.Read.All; higher Directory.Read.All, Directory.ReadWrite.All, Organization.ReadWrite.All.
  { method: 'GET', segments: ['subscribedSkus'], anyOf: ORGANIZATION_READERS, source: `${DOCS}/subscribedsku-list?view=graph-rest-1.0` },
  { method: 'GET', segments: ['subscribedSkus', '*'], anyOf: ORGANIZATION_READERS, source: `${DOCS}/subscribedsku-get?view=graph-rest-1.0` },
  // directory-list-subscriptions: least privileged Organization.Read.All; higher Directory.Read.All, Organization.ReadWrite.All.
  {
    method: 'GET',
    segments: ['directory', 'subscriptions'],
    anyOf: [['Organization.Read.All'], ['Directory.Read.All'], ['Organization.ReadWrite.All']],
    source: `${DOCS}/directory-list-subscriptions?view=graph-rest-1.0`,
  },
  {
    method: 'GET',
    segments: ['directory', 'subscriptions', '*'],
    anyOf: [['Organization.Read.All'], ['Directory.Read.All'], ['Organization.ReadWrite.All']],
    source: `${DOCS}/companysubscription-get?view=graph-rest-1.0`,
  },
  // group-list and group-get: GroupMember.Read.All is enough to list groups.
  { method: 'GET', segments: ['groups'], anyOf: GROUP_READERS, source: `${DOCS}/group-list?view=graph-rest-1.0` },
  { method: 'GET', segments: ['groups', '*'], anyOf: GROUP_READERS, source: `${DOCS}/group-get?view=graph-rest-1.0` },
  // group-list-memberswithlicenseerrors has no permissions table; the demo applies group-list-members' table.
  {
    method: 'GET',
    segments: ['groups', '*', 'membersWithLicenseErrors'],
    anyOf: GROUP_READERS,
    source: `${DOCS}/group-list-members?view=graph-rest-1.0`,
  },
  // group-list-transitivemembers, Application row: GroupMember.Read.All least privileged; higher
  // Directory.Read.All, Group.Read.All, Group.ReadWrite.All, GroupMember.ReadWrite.All. The OData cast
  // to microsoft.graph.user is the same call.
  {
    method: 'GET',
    segments: ['groups', '*', 'transitiveMembers'],
    anyOf: TRANSITIVE_MEMBER_READERS,
    source: `${DOCS}/group-list-transitivemembers?view=graph-rest-1.0`,
  },
  {
    method: 'GET',
    segments: ['groups', '*', 'transitiveMembers', 'microsoft.graph.user'],
    anyOf: TRANSITIVE_MEMBER_READERS,
    source: `${DOCS}/group-list-transitivemembers?view=graph-rest-1.0`,
  },
  // user-list with signInActivity: the signInActivity resource needs AuditLog.Read.All besides a user reader.
  {
    method: 'GET',
    segments: ['users'],
    selects: 'signInActivity',
    anyOf: [['User.Read.All', 'AuditLog.Read.All'], ['Directory.Read.All', 'AuditLog.Read.All']],
    source: `${DOCS}/resources/signinactivity?view=graph-rest-1.0`,
  },
  { method: 'GET', segments: ['users'], anyOf: USER_READERS, source: `${DOCS}/user-list?view=graph-rest-1.0` },
  { method: 'GET', segments: ['users', '*'], anyOf: USER_READERS, source: `${DOCS}/user-get?view=graph-rest-1.0` },
  // directoryobject-checkmembergroups, "Group memberships for a user", Application row.
  {
    method: 'POST',
    segments: ['users', '*', 'checkMemberGroups'],
    anyOf: [['User.Read.All', 'GroupMember.Read.All'], ['User.Read.All', 'Group.Read.All'], ['Directory.Read.All']],
    source: `${DOCS}/directoryobject-checkmembergroups?view=graph-rest-1.0`,
  },
];

/** The rule for a request, or undefined when the demo has none (`$batch`, or an endpoint it refuses anyway). */
export function findPermissionRule(method: string, segments: readonly string[], select: readonly string[]): GraphPermissionRule | undefined {
  const upper = method.toUpperCase();
  const selected = new Set(select.map((name) => name.toLowerCase()));
  return GRAPH_PERMISSION_RULES.find(
    (rule) =>
      rule.method === upper &&
      rule.segments.length === segments.length &&
      rule.segments.every((segment, index) => segment === '*' || segment.toLowerCase() === (segments[index] ?? '').toLowerCase()) &&
      (rule.selects === undefined || selected.has(rule.selects.toLowerCase())),
  );
}
