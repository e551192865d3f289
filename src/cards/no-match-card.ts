import { CARD_LIMITS } from './card-limits';
import { toDisplayText } from './to-display-text';

/** A product the user may have meant. */
export interface NoMatchSuggestion {
  /** Product name, literal. */
  name: string;
  /** The text the suggestion's button sends back as if the user typed it. */
  ask: string;
}

/** Data for `cards/no-match.json`: nothing matched the user's query. */
export interface NoMatchCard {
  /** What the user asked about, literal. */
  query: string;
  /** At most three. */
  suggestions: NoMatchSuggestion[];
}

/** Builds the no-match card from the query and product names that come close, best first. */
export function buildNoMatchCard(query: string, suggestions: readonly string[]): NoMatchCard {
  const names = [...new Set(suggestions.map((name) => name.trim()).filter((name) => name !== ''))];
  return {
    query: toDisplayText(query, CARD_LIMITS.queryLength, '(empty)'),
    suggestions: names.slice(0, CARD_LIMITS.suggestions).map((name) => ({
      name: toDisplayText(name, CARD_LIMITS.nameLength),
      ask: Array.from(name.replace(/\s+/g, ' ')).slice(0, CARD_LIMITS.nameLength).join(''),
    })),
  };
}

/** The no-match answer in one plain-text line, with the suggestions. */
export function summarizeNoMatch(query: string, suggestions: readonly string[]): string {
  const card = buildNoMatchCard(query, suggestions);
  const lead = `I couldn't find a license matching “${card.query}” in this tenant.`;
  return card.suggestions.length === 0 ? lead : `${lead} Did you mean ${card.suggestions.map((s) => s.name).join(', ')}?`;
}
