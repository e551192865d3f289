import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import type { Request, Response } from 'restify';

/** Hands POST /api/messages to the adapter, which authenticates the request and runs the bot. */
export function createMessageProcessor(adapter: CloudAdapter, bot: ActivityHandler) {
  return async (req: Request, res: Response): Promise<void> => {
    await adapter.process(req, res, (context) => bot.run(context));
  };
}
