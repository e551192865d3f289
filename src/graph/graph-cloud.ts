/** Which Microsoft cloud Headroom talks to: its Graph host, the token scope and the Entra authority. */
export interface GraphCloud {
  /** The Graph origin of that cloud, e.g. `https://graph.microsoft.us`. */
  graphOrigin: string;
  /** `${graphOrigin}/.default`. */
  scope: string;
  /** Entra authority that issues the tokens, e.g. `https://login.microsoftonline.us`. */
  authorityHost: string;
  /** False for an authority @azure/identity cannot discover (a local or private endpoint). */
  instanceDiscovery: boolean;
}

/** Graph hosts of the national clouds and the authority each uses (Microsoft's national cloud deployments). */
const CLOUD_AUTHORITIES: Readonly<Record<string, string>> = {
  'graph.microsoft.com': 'https://login.microsoftonline.com',
  'canary.graph.microsoft.com': 'https://login.microsoftonline.com',
  'graph.microsoft.us': 'https://login.microsoftonline.us',
  'dod-graph.microsoft.us': 'https://login.microsoftonline.us',
  'microsoftgraph.chinacloudapi.cn': 'https://login.chinacloudapi.cn',
};

const KNOWN_AUTHORITIES = new Set(['login.microsoftonline.com', 'login.microsoftonline.us', 'login.chinacloudapi.cn']);

/** True when `hostname` is a Graph host of one of Microsoft's clouds (not a proxy, not a demo tenant). */
export function isGraphHost(hostname: string): boolean {
  return Object.hasOwn(CLOUD_AUTHORITIES, hostname.toLowerCase());
}

/**
 * The cloud of `GRAPH_BASE_URL`: a national cloud's Graph host takes that cloud's authority and scope;
 * anything else (a proxy, a local demo tenant) is taken as the global cloud. `authorityOverride`
 * (AZURE_AUTHORITY_HOST) replaces the authority.
 */
export function graphCloudFor(baseUrl: string, authorityOverride: string | null): GraphCloud {
  const host = new URL(baseUrl).hostname.toLowerCase();
  const graphOrigin = isGraphHost(host) ? `https://${host}` : 'https://graph.microsoft.com';
  const authorityHost = (authorityOverride ?? CLOUD_AUTHORITIES[host] ?? 'https://login.microsoftonline.com').replace(/\/+$/, '');
  return {
    graphOrigin,
    scope: `${graphOrigin}/.default`,
    authorityHost,
    instanceDiscovery: KNOWN_AUTHORITIES.has(new URL(authorityHost).hostname.toLowerCase()),
  };
}

/** The admin-consent page for an app in a tenant, on the cloud's authority. */
export function adminConsentUrl(cloud: GraphCloud, tenantId: string, clientId: string): string {
  return `${cloud.authorityHost}/${encodeURIComponent(tenantId)}/adminconsent?client_id=${encodeURIComponent(clientId)}`;
}
