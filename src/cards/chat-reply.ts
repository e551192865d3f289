/** An Adaptive Card as JSON, ready to attach to a message. */
export type AdaptiveCardJson = Record<string, unknown>;

/** One reply: a card plus the plain-text summary Teams shows in notifications and screen readers. */
export interface ChatReply {
  card: AdaptiveCardJson;
  summary: string;
}
