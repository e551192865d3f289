import { CARD_LIMITS } from './card-limits';
import { toDisplayText } from './to-display-text';

/** Data for `cards/help.json`: what Headroom does and every command. */
export interface HelpCard {
  /** What the user wrote when Headroom did not understand it, literal; null when help was asked for. */
  unrecognized: string | null;
}

/** Builds the help card; pass the user's text when help is the answer to something not understood. */
export function buildHelpCard(options: { unrecognized?: string } = {}): HelpCard {
  return {
    unrecognized:
      options.unrecognized === undefined ? null : toDisplayText(options.unrecognized, CARD_LIMITS.queryLength, '(empty message)'),
  };
}

/** A one-line, plain-text summary of the help card for notifications and screen readers. */
export function summarizeHelp(options: { unrecognized?: string } = {}): string {
  const card = buildHelpCard(options);
  const lead = card.unrecognized === null ? 'Headroom help' : `I didn't understand “${card.unrecognized}”`;
  return `${lead}: ask "licenses", a product such as "how many E3 left?", "shortfalls", "errors", "reclaim", "alerts" or "reservations".`;
}
