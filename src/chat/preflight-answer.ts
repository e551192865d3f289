import { buildNoMatchCard, summarizeNoMatch } from '../cards/no-match-card';
import { buildPreflightCard, summarizePreflight } from '../cards/preflight-card';
import { renderCard } from '../cards/render-card';
import { checkPreflight } from '../holds/check-preflight';
import type { LicenseService } from '../licenses/license-service';
import { matchSkus } from '../licenses/sku-matcher';
import type { CommandHandler } from './chat-router';
import { describeSnapshotProblems } from './describe-snapshot-problems';

export interface PreflightAnswerDependencies {
  licenses: Pick<LicenseService, 'figures'>;
  now?: () => Date;
}

/**
 * Answers "can I assign 20 E3?": for each matching SKU, yes or no with available, held, unheld and
 * what is left after assigning, counting active holds. It takes no hold. The answer is advisory, so it
 * uses the cached figures like every other chat answer and says how old they are; a script that must
 * not collide takes a hold through the API, which reads Graph fresh.
 */
export function preflightAnswer(deps: PreflightAnswerDependencies): CommandHandler<'can-assign'> {
  const now = deps.now ?? (() => new Date());
  return async (command) => {
    const served = await deps.licenses.figures();
    const { matches, suggestions } = matchSkus(command.query, served.figures);
    if (matches.length === 0) {
      return { card: renderCard('no-match', buildNoMatchCard(command.query, suggestions)), summary: summarizeNoMatch(command.query, suggestions) };
    }
    const meta = { asOf: served.snapshot.takenAt, now: now(), stale: served.stale, notice: describeSnapshotProblems(served.snapshot) };
    const products = matches.map((sku) => ({ sku, check: checkPreflight(sku, command.quantity) }));
    return {
      card: renderCard('preflight', buildPreflightCard(command.quantity, command.query, products, meta)),
      summary: summarizePreflight(command.quantity, products),
    };
  };
}
