import { AuthenticationConstants, type ClaimsIdentity, type ConnectorClient, type ConnectorFactory } from 'botframework-connector';
import { ClientCache } from './client-cache';

/** The most reply clients kept: Teams sends from a handful of serviceUrls. */
const MAX_REPLY_CLIENTS = 32;

/**
 * Which bot a request was for, as botbuilder reads it from the request's claims (the audience claim,
 * or the appid claim for the emulator). Both are kept, so two requests share a client only when
 * botbuilder would have built the same one for both.
 */
export function botKeyOf(claims: ClaimsIdentity): string {
  return JSON.stringify([claims.getClaimValue(AuthenticationConstants.AudienceClaim), claims.getClaimValue(AuthenticationConstants.AppIdClaim)]);
}

/**
 * The connector clients that send replies inside a turn, reused from turn to turn. botbuilder's
 * connector factory builds a new client, with its own Azure core pipeline and credentials, for every
 * incoming activity. What it builds depends only on the bot (from the claims), the audience and the
 * serviceUrl: the rest of the factory is fixed for the adapter. So one client is kept per bot, audience
 * and serviceUrl, made ready once by `prepare`. The credentials inside a client renew their own tokens,
 * and a client serves concurrent requests.
 */
export class ReplyConnectorClients {
  private readonly clients: ClientCache<ConnectorClient>;

  constructor(
    private readonly prepare: (client: ConnectorClient) => ConnectorClient,
    maxClients = MAX_REPLY_CLIENTS,
  ) {
    this.clients = new ClientCache(maxClients);
  }

  /** A factory that hands out the kept client, or makes one through `factory`, for this request's bot. */
  factoryFor(factory: ConnectorFactory, claims: ClaimsIdentity): ConnectorFactory {
    const bot = botKeyOf(claims);
    return {
      create: (serviceUrl: string, audience?: string) =>
        this.clients.get(JSON.stringify([bot, audience ?? null, serviceUrl]), async () => this.prepare(await factory.create(serviceUrl, audience))),
    };
  }
}
