import type { Activity, ActivityHandler } from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';
import type { Request, Response } from 'restify';
import type { Logger } from '../logger';
import type { HeadroomAdapter } from './headroom-adapter';

const ACTIVITY_TIMES = ['timestamp', 'localTimestamp', 'expiration'] as const;

/** The request body as an activity, with its times as Dates as botbuilder expects; null when it is not one. */
function activityOf(body: unknown): Activity | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || typeof (body as { type?: unknown }).type !== 'string') {
    return null;
  }
  const activity = body as Record<string, unknown>;
  for (const field of ACTIVITY_TIMES) {
    const value = activity[field];
    if (typeof value === 'string') {
      activity[`raw${field[0]?.toUpperCase() ?? ''}${field.slice(1)}`] = value;
      activity[field] = new Date(value);
    }
  }
  return activity as unknown as Activity;
}

/**
 * Hands POST /api/messages to the adapter, which authenticates the request and runs the bot. This
 * does what `CloudAdapter.process` does (the body already parsed by restify), except that failures go to Headroom's logger (which redacts)
 * instead of the console: a flood of unauthenticated requests is one warning line each, not a stack
 * trace each.
 */
export function createMessageProcessor(adapter: HeadroomAdapter, bot: ActivityHandler, logger: Logger) {
  return async (req: Request, res: Response): Promise<void> => {
    const activity = activityOf(req.body);
    if (activity === null) {
      res.status(400);
      res.send({ error: 'Expected a Bot Framework activity: a JSON object with a "type".' });
      return;
    }
    try {
      const invoke = await adapter.authenticateAndRun(req.header('authorization') ?? '', activity, (context) => bot.run(context));
      res.status(invoke?.status ?? 200);
      if (invoke?.body !== undefined) {
        res.send(invoke.body);
      }
      res.end();
    } catch (error) {
      if (error instanceof AuthenticationError || (error as { statusCode?: unknown }).statusCode === 401) {
        logger.warn('rejected a request to /api/messages that was not authenticated', {
          reason: error instanceof Error ? error.message : String(error),
          activityType: activity.type,
        });
        res.status(401);
        res.end();
        return;
      }
      logger.error('a bot turn failed outside the turn error handler', { error, activityType: activity.type });
      res.status(500);
      res.end();
    }
  };
}
