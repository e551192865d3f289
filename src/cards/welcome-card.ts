import { CARD_LIMITS } from './card-limits';
import { toDisplayText } from './to-display-text';

/** Where Headroom was installed. */
export type WelcomeScope = 'team' | 'groupChat' | 'personal';

/** Data for `cards/welcome.json`: the first message after Headroom is installed somewhere. */
export interface WelcomeCard {
  scope: WelcomeScope;
  /** The team's name when Teams told it, literal; null otherwise. */
  teamName: string | null;
}

/** Builds the welcome card for the place Headroom was added to. */
export function buildWelcomeCard(scope: WelcomeScope, teamName: string | null = null): WelcomeCard {
  const name = teamName === null || teamName.trim() === '' ? null : toDisplayText(teamName, CARD_LIMITS.nameLength);
  return { scope, teamName: scope === 'team' ? name : null };
}

/** The welcome in one plain-text line. */
export function summarizeWelcome(scope: WelcomeScope): string {
  const how = scope === 'personal' ? 'add me to a team and say "watch here" in a channel' : 'an admin @mentions me with "watch here"';
  return `Hi, I'm Headroom: ask "licenses" or "how many E3 left?"; to get warnings, ${how}.`;
}
