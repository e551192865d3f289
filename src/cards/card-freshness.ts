import { describeDataAge } from './describe-data-age';
import type { StyledText } from './styled-text';

/** How fresh a card's figures are, as the card shows it. */
export interface CardFreshness {
  /** "Data from 2 minutes ago", or in attention colour "Graph is unreachable; showing data from 14 minutes ago". */
  line: StyledText;
  /** "As of 2025-05-01 14:02 UTC". */
  asOf: string;
  stale: boolean;
}

/** Describes the age of data read at `asOf` (ISO-8601); `stale` means Graph could not be read since. */
export function buildCardFreshness(asOf: string, now: Date, stale: boolean): CardFreshness {
  const age = describeDataAge(asOf, now);
  const line: StyledText = stale
    ? { text: `Graph is unreachable; showing data from ${age}`, color: 'attention' }
    : { text: `Data from ${age}`, color: 'default' };
  const iso = new Date(Date.parse(asOf)).toISOString();
  return { line, asOf: `As of ${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`, stale };
}
