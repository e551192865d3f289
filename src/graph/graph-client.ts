import { AuthenticationHandler, Client, HTTPMessageHandler, TelemetryHandler } from '@microsoft/microsoft-graph-client';
import type { Middleware } from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials';
import type { TokenCredential } from '@azure/identity';

/** Hosts the Graph client already recognises as Graph and sends tokens to. */
const KNOWN_GRAPH_HOSTS = new Set([
  'graph.microsoft.com',
  'graph.microsoft.us',
  'dod-graph.microsoft.us',
  'graph.microsoft.de',
  'microsoftgraph.chinacloudapi.cn',
  'canary.graph.microsoft.com',
]);

/** Where and as whom the Graph client talks. */
export interface GraphClientSettings {
  /** Root URL without version, e.g. `https://graph.microsoft.com`. */
  baseUrl: string;
  /** Null sends no token (demo tenant, tests). */
  credential: TokenCredential | null;
  /** The token scope, `${graph origin of the cloud}/.default`; default the global cloud's. */
  scope?: string;
}

/**
 * Builds a Graph SDK client whose middleware chain has no RetryHandler and no RedirectHandler:
 * retries happen in one place, `GraphRequester`, where attempts and sleeping are under our control.
 */
export function createGraphClient(settings: GraphClientSettings): Client {
  const chain: Middleware[] = [];
  if (settings.credential !== null) {
    const provider = new TokenCredentialAuthenticationProvider(settings.credential, { scopes: [settings.scope ?? 'https://graph.microsoft.com/.default'] });
    chain.push(new AuthenticationHandler(provider));
  }
  chain.push(new TelemetryHandler(), new HTTPMessageHandler());
  const base = new URL(settings.baseUrl);
  // The SDK attaches the token only to hosts it knows; a custom https host (a proxy) must be named.
  const customHosts = base.protocol === 'https:' && !KNOWN_GRAPH_HOSTS.has(base.hostname) ? new Set([base.hostname]) : undefined;
  return Client.initWithMiddleware({
    middleware: chain,
    baseUrl: settings.baseUrl.replace(/\/+$/, ''),
    defaultVersion: 'v1.0',
    customHosts,
  });
}
