/** A reply to an incoming activity could not be delivered to its serviceUrl; `cause` says why. */
export class ReplyDeliveryError extends Error {
  constructor(
    message: string,
    /** The connector's HTTP status when it answered, null when it could not be reached or timed out. */
    readonly status: number | null,
    options: { cause: unknown },
  ) {
    super(message, options);
    this.name = 'ReplyDeliveryError';
  }

  /** The error as a ReplyDeliveryError when it is a failure to reach or be accepted by the connector, else null. */
  static from(error: unknown): ReplyDeliveryError | null {
    if (error instanceof ReplyDeliveryError) {
      return error;
    }
    // botbuilder's connector client (Azure core) throws RestError when the connector answers an error status.
    if (error instanceof Error && error.name === 'RestError') {
      const status = (error as { statusCode?: unknown }).statusCode;
      return new ReplyDeliveryError(`the connector refused the reply: ${error.message}`, typeof status === 'number' ? status : null, { cause: error });
    }
    return null;
  }
}
