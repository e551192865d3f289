import type { CardActionOutcome, CardActionRequest, CardVerbHandler } from './card-action';

/** Card verbs are `noun.verb`: lower-case words joined by one dot. */
const VERB_FORMAT = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/;

/** Thrown at start-up when a feature registers a malformed verb or one already taken. */
export class CardVerbRegistrationError extends Error {
  override readonly name = 'CardVerbRegistrationError';
}

/**
 * Routes card actions by verb. Each feature registers the `noun.verb`s of its cards with a handler; the
 * bot edge asks whether a verb is known and hands the request over, knowing no feature itself.
 */
export class CardActionRegistry {
  private readonly handlers = new Map<string, CardVerbHandler>();

  /** @throws CardVerbRegistrationError for a verb not shaped `noun.verb` or registered twice. */
  register(verb: string, handler: CardVerbHandler): void {
    if (!VERB_FORMAT.test(verb)) {
      throw new CardVerbRegistrationError(`Card verb "${verb}" is not of the form noun.verb.`);
    }
    if (this.handlers.has(verb)) {
      throw new CardVerbRegistrationError(`Card verb "${verb}" is registered twice.`);
    }
    this.handlers.set(verb, handler);
  }

  /** True when some feature registered `verb`. Accepts anything, since the verb comes from the client. */
  handles(verb: unknown): boolean {
    return typeof verb === 'string' && this.handlers.has(verb);
  }

  /** The registered verbs, in registration order. */
  verbs(): string[] {
    return [...this.handlers.keys()];
  }

  /** Runs the verb's handler; an unknown verb gets a 400 error outcome and runs nothing. */
  async dispatch(request: CardActionRequest): Promise<CardActionOutcome> {
    const handler = this.handlers.get(request.verb);
    if (handler === undefined) {
      return { kind: 'error', statusCode: 400, code: 'BadRequest', message: 'Headroom does not know this card action.' };
    }
    return handler(request);
  }
}
