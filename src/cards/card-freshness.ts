import { describeDataAge } from './describe-data-age';
import type { StyledText } from './styled-text';

/** How fresh a card's figures are, as the card shows it. */
export interface CardFreshness {
  /** "Data from 2 minutes ago", or in attention colour "Graph is unreachable; showing data from 14 minutes ago". */
  line: StyledText;
  /** "As of 2025-05-01 14:02 UTC". */
  asOf: string;
  /** Shown as a warning: Graph could not be read, or a figure is unknown. */
  stale: boolean;
}

/**
 * Describes the age of data read at `asOf` (ISO-8601); `stale` means Graph could not be read since.
 * A `notice` (a figure is unknown for want of a Graph permission) is shown first, as a warning.
 */
export function buildCardFreshness(asOf: string, now: Date, stale: boolean, notice: string | null = null): CardFreshness {
  const age = describeDataAge(asOf, now);
  const base = stale ? `Graph is unreachable; showing data from ${age}` : `Data from ${age}`;
  const line: StyledText =
    stale || notice !== null ? { text: notice === null ? base : `${notice}. ${base}`, color: 'attention' } : { text: base, color: 'default' };
  const iso = new Date(Date.parse(asOf)).toISOString();
  return { line, asOf: `As of ${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`, stale: stale || notice !== null };
}
