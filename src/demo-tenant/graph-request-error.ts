import { HeadroomError } from '../errors';

/** A request the demo Graph server refuses; the router turns it into a Graph error response. */
export class GraphRequestError extends HeadroomError {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}
