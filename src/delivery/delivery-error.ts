import { HeadroomError } from '../errors';

/**
 * A message could not be delivered. `status` is the HTTP status the far end answered (null for a
 * network failure or a missing conversation reference); `retryAfterSeconds` is its Retry-After.
 */
export class DeliveryError extends HeadroomError {
  constructor(
    message: string,
    readonly status: number | null,
    readonly retryAfterSeconds: number | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
