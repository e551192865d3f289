import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { AuthenticateRequestResult } from 'botframework-connector';
import { boundReplyClient } from './bounded-reply-connector';
import { ReplyConnectorClients } from './reply-connector-clients';

/**
 * botbuilder's CloudAdapter with authentication and running split, so the HTTP edge can check an
 * activity between the two and report failures through Headroom's logger rather than
 * `CloudAdapter.process`'s console output.
 */
export class HeadroomAdapter extends CloudAdapter {
  /** Reply clients, bounded once and reused by later turns of the same bot and serviceUrl. */
  private readonly replyClients = new ReplyConnectorClients((client) => boundReplyClient(client));

  /** Checks the request's Authorization header (a no-op without a MicrosoftAppId). */
  authenticate(authHeader: string, activity: Partial<Activity>): Promise<AuthenticateRequestResult> {
    return this.botFrameworkAuthentication.authenticateRequest(activity as Activity, authHeader);
  }

  /**
   * Runs `logic` for an authenticated activity. Replies go out with a deadline and without
   * botbuilder's retries (`boundReplyClient`), through a client kept from an earlier turn when there is one.
   */
  run(authenticated: AuthenticateRequestResult, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    const { connectorFactory } = authenticated;
    const reusing =
      connectorFactory === undefined ? authenticated : { ...authenticated, connectorFactory: this.replyClients.factoryFor(connectorFactory, authenticated.claimsIdentity) };
    return this.processActivity(reusing, activity, logic);
  }
}
