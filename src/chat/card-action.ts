import type { ChatReply } from '../cards/chat-reply';

/** A click on a card's `Action.Execute` (or Teams refreshing the card), free of any bot framework type. */
export interface CardActionRequest {
  /** The action's `noun.verb`, as the client sent it (unchecked). */
  verb: string;
  /** The action's data with the card's inputs merged in, as the client sent it: trusted for nothing but the ids and inputs a handler validates. */
  data: unknown;
  tenantId: string;
  /** The acting user as the channel reports it. */
  actor: { aadObjectId: string | null; name: string };
}

/** What to answer: the card as it now stands, or an error to show on it. */
export type CardActionOutcome =
  | { kind: 'card'; reply: ChatReply }
  | { kind: 'error'; statusCode: number; code: string; message: string };

/** Handles the card actions of one verb. Known failures come back as an `error` outcome; anything thrown is unexpected. */
export type CardVerbHandler = (request: CardActionRequest) => Promise<CardActionOutcome>;
