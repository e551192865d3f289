import { TeamsActivityHandler, type TurnContext } from 'botbuilder';
import type { ChatResponder } from '../chat/chat-responder';
import type { Logger } from '../logger';
import { cardMessage } from './card-message';
import { chatRequestFromActivity, tenantIdOf } from './chat-request-from-activity';
import type { TenantAllowlist } from './tenant-allowlist';

export interface HeadroomBotDependencies {
  responder: ChatResponder;
  allowlist: TenantAllowlist;
  logger: Logger;
}

/** The Teams edge: checks the tenant, turns messages into requests and replies with cards. */
export class HeadroomBot extends TeamsActivityHandler {
  constructor(private readonly deps: HeadroomBotDependencies) {
    super();
    this.onMessage(async (context, next) => {
      await this.answer(context);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    const tenantId = tenantIdOf(context.activity);
    if (!(await this.deps.allowlist.allows(tenantId))) {
      this.deps.logger.warn('ignored an activity from a tenant that is not on the allowlist', {
        tenantId,
        type: context.activity.type,
      });
      return;
    }
    await super.run(context);
  }

  private async answer(context: TurnContext): Promise<void> {
    const request = chatRequestFromActivity(context.activity);
    const reply = await this.deps.responder.respond(request);
    await context.sendActivity(cardMessage(reply));
  }
}
