import { AuthenticationError, type AuthenticateRequestResult } from 'botframework-connector';
import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';

/**
 * botbuilder's authentication, except that every failure to authenticate is a 401. Out of the box a
 * token that is not signed at all, or signed by a key nobody published, surfaces as a plain error
 * from the JWT library, which the adapter answers with 500.
 */
export class StrictBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
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
