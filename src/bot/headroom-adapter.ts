import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { AuthenticateRequestResult } from 'botframework-connector';
import { boundedReplyConnectorFactory } from './bounded-reply-connector';

/**
 * botbuilder's CloudAdapter with authentication and running split, so the HTTP edge can check an
 * activity between the two and report failures through Headroom's logger rather than
 * `CloudAdapter.process`'s console output.
 */
export class HeadroomAdapter extends CloudAdapter {
  /** Checks the request's Authorization header (a no-op without a MicrosoftAppId). */
  authenticate(authHeader: string, activity: Partial<Activity>): Promise<AuthenticateRequestResult> {
    return this.botFrameworkAuthentication.authenticateRequest(activity as Activity, authHeader);
  }

  /** Runs `logic` for an authenticated activity; replies go out with a deadline and without retries. */
  run(authenticated: AuthenticateRequestResult, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    const { connectorFactory } = authenticated;
    const bounded = connectorFactory === undefined ? authenticated : { ...authenticated, connectorFactory: boundedReplyConnectorFactory(connectorFactory) };
    return this.processActivity(bounded, activity, logic);
  }
}
