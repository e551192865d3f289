import { AuthenticationError, type AuthenticateRequestResult, type ClaimsIdentity, type UserTokenClient } from 'botframework-connector';
import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import { ClientCache } from './client-cache';
import { botKeyOf } from './reply-connector-clients';

/** User token clients kept: one per bot app id, and Headroom is one bot. */
const MAX_USER_TOKEN_CLIENTS = 4;

/**
 * botbuilder's authentication, except that:
 * - every failure to authenticate is a 401. Out of the box a token that is not signed at all, or
 *   signed by a key nobody published, surfaces as a plain error from the JWT library, which the
 *   adapter answers with 500;
 * - the user token client botbuilder asks for on every turn is made once per bot and reused. It
 *   depends only on the bot's app id (the rest is fixed configuration), and it renews its own tokens.
 */
export class StrictBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly userTokenClients = new ClientCache<UserTokenClient>(MAX_USER_TOKEN_CLIENTS);

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.userTokenClients.get(botKeyOf(claimsIdentity), () => super.createUserTokenClient(claimsIdentity));
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (error) {
      throw asUnauthorized(error);
    }
  }

  override async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await super.authenticateStreamingRequest(authHeader, channelIdHeader);
    } catch (error) {
      throw asUnauthorized(error);
    }
  }
}

function asUnauthorized(error: unknown): AuthenticationError {
  if (error instanceof AuthenticationError && error.statusCode === 401) {
    return error;
  }
  const reason = error instanceof Error ? error.message : 'invalid token';
  return new AuthenticationError(`Unauthorized: ${reason}`, 401);
}
