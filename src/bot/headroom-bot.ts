import { TeamsActivityHandler, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { ChatResponder } from '../chat/chat-responder';
import type { Logger } from '../logger';
import type { CardActionHandler } from './card-action-handler';
import { cardMessage } from './card-message';
import { chatRequestFromActivity, tenantIdOf } from './chat-request-from-activity';
import type { InstallationEvents } from './installation-events';
import type { TenantAllowlist } from './tenant-allowlist';

export interface HeadroomBotDependencies {
  responder: ChatResponder;
  allowlist: TenantAllowlist;
  logger: Logger;
  /** Stores conversation references and handles installs and removals; without it they are ignored. */
  installation?: InstallationEvents;
  /** Answers reservation card actions (Universal Actions invokes and Action.Submit fallbacks); without it they are not handled. */
  cardActions?: CardActionHandler;
}

/** The Teams edge: checks the tenant, turns messages into requests and replies with cards. */
export class HeadroomBot extends TeamsActivityHandler {
  constructor(private readonly deps: HeadroomBotDependencies) {
    super();
    this.onMessage(async (context, next) => {
      await this.answer(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      await this.deps.installation?.membersAdded(context);
      await next();
    });
    this.onMembersRemoved(async (context, next) => {
      await this.deps.installation?.membersRemoved(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.deps.installation?.installationUpdated(context);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await this.deps.installation?.installationUpdated(context);
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
    await this.deps.installation?.remember(context.activity);
    await super.run(context);
  }

  /**
   * Card actions are answered here rather than in `onAdaptiveCardInvoke`: botbuilder's own parsing of
   * the invoke value answers a malformed value with HTTP 400 (or throws, a 500), and Teams expects
   * HTTP 200 with the error in the body.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name === 'adaptiveCard/action' && this.deps.cardActions !== undefined) {
      return this.deps.cardActions.invoke(context);
    }
    return super.onInvokeActivity(context);
  }

  private async answer(context: TurnContext): Promise<void> {
    if (this.deps.cardActions?.isSubmit(context.activity) === true) {
      await this.deps.cardActions.submit(context);
      return;
    }
    const request = chatRequestFromActivity(context.activity);
    const reply = await this.deps.responder.respond(request);
    await context.sendActivity(cardMessage(reply));
  }
}
