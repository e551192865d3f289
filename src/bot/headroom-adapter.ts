import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';

/**
 * botbuilder's CloudAdapter with its authenticate-and-run step public, so the HTTP edge can report
 * failures through Headroom's logger rather than `CloudAdapter.process`'s console output.
 */
export class HeadroomAdapter extends CloudAdapter {
  /** Authenticates the request's Authorization header, then runs `logic` for the activity. */
  authenticateAndRun(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}
