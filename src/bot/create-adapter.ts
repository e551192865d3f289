import { AuthenticationConstants } from 'botframework-connector';
import {
  CallerIdConstants,
  ConfigurationServiceClientCredentialFactory,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { HeadroomAdapter } from './headroom-adapter';
import { ReplyDeliveryError } from './reply-delivery-error';
import { StrictBotFrameworkAuthentication } from './strict-bot-authentication';

/**
 * The botbuilder CloudAdapter. With an app id, every incoming request must carry a valid Bot Framework
 * JWT; without one (local development on loopback only) authentication is off.
 */
export function createAdapter(bot: Config['bot'], logger: Logger): HeadroomAdapter {
  const credentials = {
    MicrosoftAppId: bot.appId ?? '',
    MicrosoftAppPassword: bot.appPassword ?? '',
    MicrosoftAppType: bot.appType,
    MicrosoftAppTenantId: bot.appTenantId ?? '',
  };
  const authOptions: ConfigurationBotFrameworkAuthenticationOptions = { ...credentials };
  if (bot.openIdMetadataUrl) {
    // Overriding any endpoint makes botbuilder build its settings only from what is given, so the
    // rest of the public cloud's values have to be named too.
    Object.assign(authOptions, {
      BotOpenIdMetadata: bot.openIdMetadataUrl,
      ToBotFromEmulatorOpenIdMetadataUrl: bot.openIdMetadataUrl,
      ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
      ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
      ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
      OAuthUrl: AuthenticationConstants.OAuthUrl,
      ValidateAuthority: true,
      CallerId: CallerIdConstants.PublicAzureChannel,
    });
  }
  const auth = new StrictBotFrameworkAuthentication(
    authOptions,
    new ConfigurationServiceClientCredentialFactory(credentials),
  );
  const adapter = new HeadroomAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: Error): Promise<void> => {
    const undelivered = ReplyDeliveryError.from(error);
    if (undelivered !== null) {
      // Trying to apologise through the same dead connector would only fail again.
      logUndelivered(logger, context, undelivered);
      throw undelivered;
    }
    logger.error('unhandled error in a bot turn', { error, activityType: context.activity.type });
    if (context.activity.type === 'message') {
      try {
        await context.sendActivity(
          "Sorry, something went wrong on my side while answering that. The details are in Headroom's log; please try again.",
        );
      } catch (apologyError) {
        const apologyUndelivered = ReplyDeliveryError.from(apologyError);
        if (apologyUndelivered === null) {
          throw apologyError;
        }
        logUndelivered(logger, context, apologyUndelivered);
        throw apologyUndelivered;
      }
    }
  };
  return adapter;
}

/** One line per reply that could not be delivered, with its cause. */
function logUndelivered(logger: Logger, context: TurnContext, error: ReplyDeliveryError): void {
  const cause = error.cause instanceof Error ? error.cause.message : String(error.cause);
  logger.error('could not deliver a reply to the channel', {
    cause,
    status: error.status,
    serviceUrl: context.activity.serviceUrl,
    activityType: context.activity.type,
  });
}
