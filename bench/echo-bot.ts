import { ActivityHandler, CardFactory, MessageFactory } from 'botbuilder';

/**
 * The framework floor: a bot on the same botbuilder stack that answers every message with a one-line
 * Adaptive Card and does nothing else.
 */
export class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      const card = CardFactory.adaptiveCard({
        type: 'AdaptiveCard',
        version: '1.5',
        body: [{ type: 'TextBlock', text: `You said: ${context.activity.text ?? ''}`, wrap: true }],
      });
      await context.sendActivity(MessageFactory.attachment(card));
      await next();
    });
  }
}
