import type { LicenseSnapshot } from '../licenses/license-snapshot';

/**
 * One sentence naming what a snapshot could not read and the Graph permission to grant, for every
 * license answer; null when everything was read.
 */
export function describeSnapshotProblems(snapshot: LicenseSnapshot): string | null {
  const problems = snapshot.problems ?? [];
  if (problems.length === 0) {
    return null;
  }
  const permissions = [...new Set(problems.map((problem) => problem.permission))].join(' and ');
  const effects = [...new Set(problems.map((problem) => problem.effect))].join('; ');
  const capitalized = effects.charAt(0).toUpperCase() + effects.slice(1);
  return `${capitalized}: Headroom's app registration lacks the Microsoft Graph permission ${permissions} (an administrator can grant admin consent)`;
}
