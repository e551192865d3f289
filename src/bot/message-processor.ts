import type { Activity, ActivityHandler } from 'botbuilder';
import { AuthenticationError, type AuthenticateRequestResult } from 'botframework-connector';
import type { Request, Response } from 'restify';
import type { Logger } from '../logger';
import { activityProblem } from './activity-problem';
import type { HeadroomAdapter } from './headroom-adapter';
import { isLoopbackServiceUrl } from './is-loopback-service-url';
import { ReplyDeliveryError } from './reply-delivery-error';

const ACTIVITY_TIMES = ['timestamp', 'localTimestamp', 'expiration'] as const;

export interface MessageProcessorOptions {
  /**
   * True when a MicrosoftAppId is configured and every request must carry a Bot Framework JWT. Without
   * it only activities whose serviceUrl is on this machine are answered.
   */
  authenticates: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * What botbuilder's authentication reads of the activity (`channelId`, `serviceUrl`), with anything
 * that is not text left out: a malformed field must not turn into a crash inside the JWT checks. A
 * missing serviceUrl skips the token's serviceurl claim check, but such an activity is refused next.
 */
function authenticationView(body: Record<string, unknown>): Partial<Activity> {
  const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
  return { ...body, channelId: text(body.channelId), serviceUrl: text(body.serviceUrl) } as Partial<Activity>;
}

/** The checked body as an activity, with its times as Dates as botbuilder expects. */
function activityOf(body: Record<string, unknown>): Activity {
  for (const field of ACTIVITY_TIMES) {
    const value = body[field];
    if (typeof value === 'string') {
      body[`raw${field[0]?.toUpperCase() ?? ''}${field.slice(1)}`] = value;
      body[field] = new Date(value);
    }
  }
  return body as unknown as Activity;
}

function sendJsonError(res: Response, status: number, error: string): void {
  res.status(status);
  res.send({ error });
}

function isUnauthenticated(error: unknown): boolean {
  return error instanceof AuthenticationError || (error as { statusCode?: unknown } | null)?.statusCode === 401;
}

/**
 * Hands POST /api/messages to the adapter. In order:
 * 1. a body that is not a JSON object: 400;
 * 2. JWT authentication when a MicrosoftAppId is set: 401 (so an unauthenticated caller learns
 *    nothing about what Headroom would accept);
 * 3. the activity's shape (`activityProblem`): 400 with a JSON error and one warning line, before
 *    botbuilder or the bot sees it;
 * 4. without a MicrosoftAppId, a serviceUrl that is not on loopback: 403 and one warning line; the
 *    activity is not run and nothing of it is stored;
 * 5. the turn. A reply that cannot be delivered is logged once by the turn error handler and
 *    answered 502 with a JSON error, within the reply deadline.
 * Failures go to Headroom's logger (which redacts) instead of the console.
 */
export function createMessageProcessor(adapter: HeadroomAdapter, bot: ActivityHandler, logger: Logger, options: MessageProcessorOptions) {
  return async (req: Request, res: Response): Promise<void> => {
    const body: unknown = req.body;
    if (!isRecord(body)) {
      sendJsonError(res, 400, 'Expected a Bot Framework activity: a JSON object with a "type".');
      return;
    }
    let authenticated: AuthenticateRequestResult;
    try {
      authenticated = await adapter.authenticate(req.header('authorization') ?? '', authenticationView(body));
    } catch (error) {
      if (isUnauthenticated(error)) {
        logger.warn('rejected a request to /api/messages that was not authenticated', {
          reason: error instanceof Error ? error.message : String(error),
        });
        res.status(401);
        res.end();
        return;
      }
      logger.error('could not authenticate a request to /api/messages', { error });
      sendJsonError(res, 500, "Headroom could not check the request's token; the details are in its log.");
      return;
    }

    const problem = activityProblem(body);
    if (problem !== null) {
      logger.warn('refused a malformed activity', { problem });
      sendJsonError(res, 400, `Not a valid Bot Framework activity: ${problem}.`);
      return;
    }
    const serviceUrl = body.serviceUrl as string;
    if (!options.authenticates && !isLoopbackServiceUrl(serviceUrl)) {
      logger.warn('dropped an activity whose serviceUrl is not on this machine (no MicrosoftAppId, so nothing proves where it came from)', {
        serviceUrl: serviceUrl.slice(0, 200),
      });
      sendJsonError(res, 403, 'Without a MicrosoftAppId Headroom only answers activities whose serviceUrl is on this machine (localhost, 127.0.0.0/8 or [::1]).');
      return;
    }

    const activity = activityOf(body);
    try {
      const invoke = await adapter.run(authenticated, activity, (context) => bot.run(context));
      res.status(invoke?.status ?? 200);
      if (invoke?.body !== undefined) {
        res.send(invoke.body);
      }
      res.end();
    } catch (error) {
      if (error instanceof ReplyDeliveryError) {
        sendJsonError(res, 502, 'The reply could not be delivered to the serviceUrl; the details are in Headroom\'s log.');
        return;
      }
      logger.error('a bot turn failed outside the turn error handler', { error, activityType: activity.type });
      sendJsonError(res, 500, "Internal error. The details are in Headroom's log.");
    }
  };
}
