import { ClientSecretCredential, type TokenCredential } from '@azure/identity';
import type { Config } from '../config';
import { HeadroomError, MissingPermissionError } from '../errors';
import { createGraphClient } from '../graph/graph-client';
import { adminConsentUrl, graphCloudFor, type GraphCloud } from '../graph/graph-cloud';
import { createGraphCredential } from '../graph/graph-credential';
import { credentialHint } from '../graph/graph-access';
import { GRAPH_CALLS, HEADROOM_PERMISSIONS } from '../graph/graph-permissions';
import { GraphRequester, type GraphCall } from '../graph/graph-requester';
import { readRolesClaim } from '../graph/read-roles-claim';
import { checkReclaimWriteAccess } from '../graph/reclaim-write-access';
import { RetryPolicy } from '../graph/retry-policy';
import type { Logger } from '../logger';
import type { DoctorReport, PermissionStatus, ProbeResult } from './doctor-report';

const NO_GROUP = '00000000-0000-0000-0000-000000000000';
const BOT_SCOPE = 'https://api.botframework.com/.default';
/** A probe that only finds a user id to probe with; listing users needs User.Read.All (user-list). */
const LIST_USERS = 'list-users';

const silent: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

export interface DoctorOptions {
  /** Where the built-in demo tenant runs, in demo mode (the caller starts it). */
  demoBaseUrl?: string;
  /** The Graph credential to check instead of the one the configuration describes (tests). */
  credential?: TokenCredential | null;
}

/**
 * Checks a configuration against Microsoft Graph the way `npm start` would use it: gets a token
 * (when credentials are set) and lists its roles, probes each Graph call Headroom makes once and
 * read-only, checks the bot's app id and password, and says which permission is missing.
 */
export async function runDoctor(config: Config, options: DoctorOptions = {}): Promise<DoctorReport> {
  const baseUrl = options.demoBaseUrl ?? config.graph.baseUrl ?? 'https://graph.microsoft.com';
  const mode = config.demoMode ? 'demo' : config.graph.auth.kind === 'none' ? 'loopback' : 'tenant';
  const cloud = graphCloudFor(baseUrl, config.graph.authorityHost);
  const credential = options.credential === undefined ? createGraphCredential(config.graph.auth, cloud) : options.credential;
  const token = await readToken(credential, cloud, config);
  const client = createGraphClient({ baseUrl, credential, scope: cloud.scope });
  const requester = new GraphRequester(client, baseUrl, new RetryPolicy({ maxAttempts: 2, baseDelayMs: 200, maxDelayMs: 2000 }), silent, {
    graphOrigin: cloud.graphOrigin,
    credentialHint: credentialHint(config.graph.auth),
  });
  const probes = token.acquired === false ? [] : await probeCalls(requester, config);
  const permissions = permissionStatuses(token.roles, probes);
  const reclaim = checkReclaimActions(config, token.roles);
  const requiredCalls = new Set(GRAPH_CALLS.filter((call) => call.feature !== 'reclaim').map((call) => call.id));
  const broken =
    token.acquired === false ||
    permissions.some((row) => row.level === 'required' && row.status !== 'granted') ||
    probes.some((probe) => requiredCalls.has(probe.id) && (probe.outcome === 'denied' || probe.outcome === 'failed')) ||
    !reclaim.ok;
  const anyMissing = permissions.some((row) => row.status === 'missing') || probes.some((probe) => probe.outcome === 'denied');
  const auth = config.graph.auth;
  const consentUrl = anyMissing && (auth.kind === 'client-secret' || auth.kind === 'client-certificate') ? adminConsentUrl(cloud, auth.tenantId, auth.clientId) : null;
  return {
    graph: { baseUrl, mode, authorityHost: cloud.authorityHost, scope: cloud.scope },
    token,
    permissions,
    probes,
    reclaim,
    bot: await checkBot(config, cloud),
    consentUrl,
    exitCode: broken ? 1 : 0,
  };
}

async function readToken(credential: TokenCredential | null, cloud: GraphCloud, config: Config): Promise<DoctorReport['token']> {
  if (credential === null) {
    return { acquired: null, roles: null, error: null };
  }
  try {
    const token = await credential.getToken(cloud.scope);
    if (token === null) {
      return { acquired: false, roles: null, error: 'no token was returned' };
    }
    return { acquired: true, roles: readRolesClaim(token.token), error: null };
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '').slice(0, 300) : String(error);
    return { acquired: false, roles: null, error: `${message} (${credentialHint(config.graph.auth)})` };
  }
}

/** RECLAIM_ACTIONS: off needs nothing; on needs LicenseAssignment.ReadWrite.All, read from the token's roles (never by writing). */
function checkReclaimActions(config: Config, roles: string[] | null): DoctorReport['reclaim'] {
  if (!config.reclaimActions) {
    return { actions: 'off', ok: true, detail: 'RECLAIM_ACTIONS=off: Headroom makes no Graph writes' };
  }
  const access = checkReclaimWriteAccess(roles);
  return { actions: 'on', ok: access.ok, detail: access.detail };
}

async function probeCalls(requester: GraphRequester, config: Config): Promise<ProbeResult[]> {
  const results: ProbeResult[] = [];
  const probe = async (id: string, call: GraphCall): Promise<unknown> => {
    try {
      const body = await requester.send(call);
      results.push({ id, call: `${call.method} ${call.path}`, outcome: 'ok', detail: '' });
      return body;
    } catch (error) {
      if (error instanceof MissingPermissionError) {
        results.push({ id, call: `${call.method} ${call.path}`, outcome: 'denied', detail: `needs ${error.permissions.join(' and ')}` });
      } else {
        const detail = error instanceof HeadroomError ? error.message : 'unexpected failure';
        results.push({ id, call: `${call.method} ${call.path}`, outcome: 'failed', detail: detail.slice(0, 300) });
      }
      return null;
    }
  };
  const skip = (id: string, call: string, detail: string): void => {
    results.push({ id, call, outcome: 'skipped', detail });
  };

  await probe('organization', { method: 'GET', path: 'organization?$select=id' });
  await probe('subscribed-skus', { method: 'GET', path: 'subscribedSkus?$select=skuId' });
  await probe('directory-subscriptions', { method: 'GET', path: 'directory/subscriptions?$select=id&$top=1' });
  const groups = await probe('groups-with-license-errors', { method: 'GET', path: 'groups?$filter=hasMembersWithLicenseErrors eq true&$select=id&$top=1' });
  const groupId = firstId(groups);
  let userId: string | null = config.admins.userIds[0] ?? null;
  if (groupId === null) {
    skip('members-with-license-errors', 'GET groups/{id}/membersWithLicenseErrors', 'no group has members with license errors to read');
  } else {
    const members = await probe('members-with-license-errors', {
      method: 'GET',
      path: `groups/${encodeURIComponent(groupId)}/membersWithLicenseErrors?$select=id&$top=1`,
    });
    userId ??= firstId(members);
  }
  if (userId === null) {
    // Any user will do; listing one needs the same permission as reading one.
    userId = firstId(await probe(LIST_USERS, { method: 'GET', path: 'users?$select=id&$top=1' }));
  }
  if (userId === null) {
    skip('check-member-groups', 'POST users/{id}/checkMemberGroups', 'no user id to check (set ADMIN_USER_IDS)');
  } else {
    await probe('user-license-states', { method: 'GET', path: `users/${encodeURIComponent(userId)}?$select=id,licenseAssignmentStates` });
    const checked = config.admins.groupId ?? config.reservations.approverGroupId ?? groupId ?? NO_GROUP;
    await probe('check-member-groups', { method: 'POST', path: `users/${encodeURIComponent(userId)}/checkMemberGroups`, body: { groupIds: [checked] } });
  }
  // The reclaim scan's advanced query: it needs the ConsistencyLevel header and $count, as Graph requires.
  await probe('users-disabled-licensed', {
    method: 'GET',
    path: `users?$filter=${encodeURIComponent('accountEnabled eq false and assignedLicenses/$count ne 0')}&$count=true&$select=id&$top=1`,
    headers: { ConsistencyLevel: 'eventual' },
  });
  if (config.reclaim.excludeGroupId === null) {
    skip('group-transitive-member-users', 'GET groups/{id}/transitiveMembers/microsoft.graph.user', 'RECLAIM_EXCLUDE_GROUP_ID is not set');
  } else {
    await probe('group-transitive-member-users', {
      method: 'GET',
      path: `groups/${encodeURIComponent(config.reclaim.excludeGroupId)}/transitiveMembers/microsoft.graph.user?$select=id&$top=1`,
    });
  }
  // The reclaim scan's own form of the read: without AuditLog.Read.All it is denied (what to grant); in a
  // tenant without Microsoft Entra ID P1/P2 it fails with Graph's premium-license error, which says so.
  const cutoff = new Date(Date.now() - 90 * 24 * 60 * 60 * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  await probe('users-sign-in-activity', {
    method: 'GET',
    path: `users?$filter=${encodeURIComponent(`signInActivity/lastSuccessfulSignInDateTime le ${cutoff}`)}&$select=id,signInActivity&$top=1`,
  });
  skip('assign-license', 'POST users/{id}/assignLicense', 'not probed: it changes licenses');
  skip('reprocess-license-assignment', 'POST users/{id}/reprocessLicenseAssignment', 'not probed: it changes license assignments');
  return results;
}

function firstId(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || !('value' in body) || !Array.isArray(body.value)) {
    return null;
  }
  const first: unknown = body.value[0];
  return typeof first === 'object' && first !== null && 'id' in first && typeof first.id === 'string' ? first.id : null;
}

/** The permissions each probe needs, from the permission table (plus the user list used to find an id). */
function needsOf(probeId: string): readonly string[] {
  if (probeId === LIST_USERS) {
    return ['User.Read.All'];
  }
  return GRAPH_CALLS.find((call) => call.id === probeId)?.needs ?? [];
}

/**
 * Each permission's status: from the token's roles when there is a token; otherwise (demo, loopback)
 * from the probes. A denied call that needs one permission proves that one missing; a denied call that
 * needs two proves the one whose partner is known to work.
 */
function permissionStatuses(roles: string[] | null, probes: ProbeResult[]): PermissionStatus[] {
  const tried = probes.filter((probe) => probe.outcome === 'ok' || probe.outcome === 'denied');
  const status = new Map<string, PermissionStatus['status']>();
  for (const advice of HEADROOM_PERMISSIONS) {
    const alone = tried.filter((probe) => needsOf(probe.id).length === 1 && needsOf(probe.id)[0] === advice.permission);
    if (alone.some((probe) => probe.outcome === 'denied')) {
      status.set(advice.permission, 'missing');
    } else if (alone.length > 0) {
      status.set(advice.permission, 'granted');
    } else {
      status.set(advice.permission, 'unknown');
    }
  }
  for (const advice of HEADROOM_PERMISSIONS) {
    if (status.get(advice.permission) !== 'unknown') {
      continue;
    }
    const together = tried.filter((probe) => needsOf(probe.id).includes(advice.permission));
    const partnersWork = (probe: ProbeResult): boolean =>
      needsOf(probe.id).every((permission) => permission === advice.permission || status.get(permission) === 'granted');
    if (together.some((probe) => probe.outcome === 'denied' && partnersWork(probe))) {
      status.set(advice.permission, 'missing');
    } else if (together.length > 0 && together.every((probe) => probe.outcome === 'ok')) {
      status.set(advice.permission, 'granted');
    }
  }
  return HEADROOM_PERMISSIONS.map((advice) => {
    const fromProbes = status.get(advice.permission) ?? 'unknown';
    // A token's roles are the grant itself; a probe that worked shows a higher permission covers it.
    const granted = roles === null ? fromProbes : roles.includes(advice.permission) || fromProbes === 'granted' ? 'granted' : 'missing';
    return {
      permission: advice.permission,
      level: advice.level,
      status: granted,
      neededFor: advice.neededFor,
      probes: probes.filter((probe) => needsOf(probe.id).includes(advice.permission)).map((probe) => `${probe.id}: ${probe.outcome}`),
    };
  });
}

async function checkBot(config: Config, cloud: GraphCloud): Promise<DoctorReport['bot']> {
  const { appId, appPassword, appType, appTenantId } = config.bot;
  if (appId === null) {
    return { ok: true, detail: 'no MicrosoftAppId: the bot endpoint accepts unauthenticated calls, so it listens on loopback only (local testing)' };
  }
  if (appType === 'UserAssignedMSI') {
    return { ok: true, detail: `MicrosoftAppType=UserAssignedMSI with app id ${appId}: the identity is checked by Azure, not here` };
  }
  if (appPassword === null) {
    return { ok: false, detail: 'MicrosoftAppPassword is unset' };
  }
  const tenant = appType === 'SingleTenant' ? (appTenantId ?? '') : 'botframework.com';
  try {
    const credential = new ClientSecretCredential(tenant, appId, appPassword, {
      authorityHost: cloud.authorityHost,
      disableInstanceDiscovery: !cloud.instanceDiscovery,
    });
    await credential.getToken(BOT_SCOPE);
    return { ok: true, detail: `MicrosoftAppId and MicrosoftAppPassword work (${appType})` };
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '').slice(0, 200) : String(error);
    return {
      ok: false,
      detail: `MicrosoftAppId and MicrosoftAppPassword did not get a Bot Framework token as ${appType}${appType === 'SingleTenant' ? ` in ${tenant}` : ''}: ${message}`,
    };
  }
}
