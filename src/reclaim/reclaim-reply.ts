import type { ChatReply } from '../cards/chat-reply';
import { renderCard } from '../cards/render-card';
import type { StyledText } from '../cards/styled-text';
import { buildReclaimCard, summarizeReclaimRequest, type ReclaimCardOptions } from './reclaim-card';
import type { ReclaimRequest } from './reclaim-request';
import type { ReclaimRequestStore } from './reclaim-request-store';

/** The source name of a reclaim request's reprocess intents. */
export function reclaimSource(requestId: string): string {
  return `reclaim:${requestId}`;
}

/** The card (and summary) of one request as the store has it now, with each seat's outcome. */
export async function reclaimReply(
  store: Pick<ReclaimRequestStore, 'listRemovalIntents' | 'listReprocessIntents'>,
  request: ReclaimRequest,
  options: ReclaimCardOptions,
  notice: StyledText | null = null,
): Promise<ChatReply> {
  const [removals, reprocesses] = await Promise.all([store.listRemovalIntents(request.id), store.listReprocessIntents({ source: reclaimSource(request.id) })]);
  return {
    card: renderCard('reclaim-request', buildReclaimCard(request, { removals, reprocesses, notice }, options)),
    summary: summarizeReclaimRequest(request, removals),
  };
}
