/** An expanded Adaptive Card (schema 1.5), ready to attach to a message. */
export interface AdaptiveCardJson {
  type: 'AdaptiveCard';
  version: string;
  body: unknown[];
  [property: string]: unknown;
}
