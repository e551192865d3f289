import { HeadroomError } from '../errors';

/**
 * A message could not be delivered. `status` is the HTTP status the far end answered (null for a
 * network failure or a missing conversation reference); `retryAfterSeconds` is its Retry-After.
 * `permanent` marks a failure no retry can fix (no conversation reference, a malformed payload), so
 * the outbox gives up at once even without a status.
 */
export class DeliveryError extends HeadroomError {
  readonly permanent: boolean;

  constructor(
    message: string,
    readonly status: number | null,
    readonly retryAfterSeconds: number | null = null,
    options?: { cause?: unknown; permanent?: boolean },
  ) {
    super(message, options);
    this.permanent = options?.permanent ?? false;
  }
}
