import type { AccessPolicy } from '../access/access-policy';
import { buildMessageCard, summarizeMessage } from '../cards/message-card';
import { buildNoMatchCard, summarizeNoMatch } from '../cards/no-match-card';
import { buildReclaimAnswerCard, summarizeReclaimAnswer } from '../cards/reclaim-answer-card';
import type { ReclaimView } from '../cards/reclaim-view';
import { renderCard } from '../cards/render-card';
import type { ChatReply } from '../cards/chat-reply';
import type { CommandHandler } from '../chat/chat-router';
import type { ChatRequest } from '../chat/chat-request';
import { HeadroomError } from '../errors';
import type { LicenseService } from '../licenses/license-service';
import { matchSkus } from '../licenses/sku-matcher';
import type { SkuFigures } from '../licenses/sku-figures';
import type { ReclaimScanStore } from './reclaim-scan-store';
import { reclaimViewOf, type ReclaimProduct } from './reclaim-view-of';

export interface ReclaimAnswerDependencies {
  scans: Pick<ReclaimScanStore, 'latestReclaimScan'>;
  licenses: Pick<LicenseService, 'figures'>;
  access: Pick<AccessPolicy, 'isAdmin'>;
  now?: () => Date;
}

const NO_SCAN = {
  title: 'No reclaim scan yet',
  text:
    'Headroom has not finished a reclaim scan yet, so I can\'t say how many seats are on disabled or inactive accounts: that is unknown, not zero. ' +
    'Scans run on their own cadence (RECLAIM_SCAN_HOURS); ask again once the first one has finished.',
  tone: 'warning' as const,
};

function productOf(sku: SkuFigures): ReclaimProduct {
  return { skuId: sku.skuId, skuPartNumber: sku.skuPartNumber, displayName: sku.displayName, hidden: sku.hidden };
}

/**
 * Answers `reclaim [product]` from the stored reclaim scan. Admins see who holds each seat when they
 * ask in a personal chat; everyone else, and every channel or group chat, sees counts only, because the
 * names of leavers are personal data. Before the first scan it says
 * so rather than showing 0.
 */
export function reclaimAnswer(deps: ReclaimAnswerDependencies): CommandHandler<'reclaim'> {
  const now = deps.now ?? (() => new Date());

  /**
   * Whether names may be shown: only to an admin, and only in a personal chat, since everyone in a
   * channel or group chat reads the reply. A directory that cannot answer means no names, never a refusal.
   */
  async function namesFor(request: ChatRequest): Promise<ReclaimView['names']> {
    if (request.conversation.kind !== 'personal') {
      return 'shared-conversation';
    }
    try {
      return (await deps.access.isAdmin(request.user.aadObjectId)) ? 'shown' : 'not-admin';
    } catch (error) {
      if (error instanceof HeadroomError) {
        return 'admin-check-failed';
      }
      throw error;
    }
  }

  /** The current products; without a query a Graph failure only costs the names of products. */
  async function currentProducts(query: string | null): Promise<SkuFigures[]> {
    try {
      return (await deps.licenses.figures()).figures;
    } catch (error) {
      if (query === null && error instanceof HeadroomError) {
        return [];
      }
      throw error;
    }
  }

  return async (command, request): Promise<ChatReply> => {
    const [scan, figures] = await Promise.all([deps.scans.latestReclaimScan(), currentProducts(command.query)]);
    let products = figures.map(productOf);
    if (command.query !== null) {
      const { matches, suggestions } = matchSkus(command.query, figures);
      if (matches.length === 0) {
        return { card: renderCard('no-match', buildNoMatchCard(command.query, suggestions)), summary: summarizeNoMatch(command.query, suggestions) };
      }
      products = matches.map(productOf);
    }
    if (scan === null) {
      return { card: renderCard('message', buildMessageCard(NO_SCAN)), summary: summarizeMessage(NO_SCAN) };
    }
    const view = reclaimViewOf(scan, { now: now(), query: command.query, products, names: await namesFor(request) });
    return { card: renderCard('reclaim-answer', buildReclaimAnswerCard(view)), summary: summarizeReclaimAnswer(view) };
  };
}
