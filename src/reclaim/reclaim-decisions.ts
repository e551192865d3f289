import type { AccessPolicy } from '../access/access-policy';
import { CARD_LIMITS } from '../cards/card-limits';
import type { ChatReply } from '../cards/chat-reply';
import type { StyledText } from '../cards/styled-text';
import { toDisplayText } from '../cards/to-display-text';
import type { CardActionOutcome, CardActionRequest } from '../chat/card-action';
import type { ChannelSender } from '../delivery/channel-sender';
import type { Logger } from '../logger';
import { RECLAIM_VERBS, isReclaimVerb } from './card-verbs';
import { formatReclaimTime, RECLAIM_ACTIONS_OFF, type ReclaimCardOptions } from './reclaim-card';
import type { ReclaimExecutor } from './reclaim-executor';
import type { ReclaimRequest } from './reclaim-request';
import type { ReclaimRequestStore } from './reclaim-request-store';
import { reclaimReply } from './reclaim-reply';
import { updateReclaimCopies } from './update-reclaim-copies';

type DecisionStore = Pick<ReclaimRequestStore, 'getReclaimRequest' | 'decideReclaimRequest' | 'listRemovalIntents' | 'listReprocessIntents'>;

export interface ReclaimDecisionsOptions {
  store: DecisionStore;
  access: AccessPolicy;
  /** Null when RECLAIM_ACTIONS is off: Reclaim is refused, Dismiss still works. */
  executor: ReclaimExecutor | null;
  channels: ChannelSender | null;
  logger: Logger;
  card: ReclaimCardOptions;
  clock: () => Date;
  /** How long a click waits for the removals before answering with the card as it then stands. Default 4 s. */
  answerWithinMs?: number;
}

const REQUEST_ID = /^[A-Za-z0-9-]{1,100}$/;

/**
 * Reclaim and Dismiss from the reclaim card. Only approvers act; the card's data is trusted for the
 * request id alone: the seats and their removals come from the store. A decision is one conditional
 * store transition from `open`, so of two simultaneous clicks one wins and the other is told who
 * decided. Reclaim records every removal in that transaction, then the executor carries them out; the
 * click is answered with the card as it stands (each seat's outcome) and every posted copy is updated.
 */
export class ReclaimDecisions {
  constructor(private readonly options: ReclaimDecisionsOptions) {}

  async decide(request: CardActionRequest): Promise<CardActionOutcome> {
    const { verb } = request;
    if (!isReclaimVerb(verb)) {
      return error(400, 'BadRequest', 'Headroom does not know this card action.');
    }
    const id = readRequestId(request.data);
    if (id === null) {
      return error(400, 'BadRequest', 'This card does not name a reclaim request Headroom knows.');
    }
    const current = await this.options.store.getReclaimRequest(id);
    if (current === null) {
      return error(404, 'NotFound', 'Headroom has no reclaim request with this id; the card may come from another Headroom installation.');
    }
    if (verb === RECLAIM_VERBS.refresh) {
      return this.cardOf(current);
    }
    const word = verb === RECLAIM_VERBS.approve ? 'reclaim seats' : 'dismiss reclaim cards';
    if (!(await this.options.access.isApprover(request.actor.aadObjectId))) {
      this.options.logger.info('refused a reclaim decision from a user who is not an approver', { verb, requestId: id, user: request.actor.aadObjectId });
      return error(403, 'Forbidden', `Only license approvers can ${word}. Nothing was changed.`);
    }
    if (verb === RECLAIM_VERBS.approve && this.options.executor === null) {
      return error(400, 'BadRequest', `${RECLAIM_ACTIONS_OFF} Nothing was changed.`);
    }
    if (current.status !== 'open') {
      return this.cardOf(current, noticeFor(current));
    }
    const result = await this.options.store.decideReclaimRequest(id, {
      to: verb === RECLAIM_VERBS.approve ? 'approved' : 'dismissed',
      actor: request.actor.aadObjectId ?? 'unknown',
      actorName: request.actor.name,
      at: this.options.clock().toISOString(),
    });
    if (!result.ok) {
      return this.cardOf(result.current, noticeFor(result.current));
    }
    this.options.logger.info('reclaim request decided', { requestId: id, status: result.request.status, by: request.actor.aadObjectId });
    if (result.request.status === 'approved' && this.options.executor !== null) {
      await Promise.race([this.options.executor.execute(id), delay(this.options.answerWithinMs ?? 4_000)]);
    }
    const latest = (await this.options.store.getReclaimRequest(id)) ?? result.request;
    const reply = await this.replyFor(latest);
    await updateReclaimCopies(this.options.channels, latest, reply, this.options.logger);
    return { kind: 'card', reply };
  }

  private replyFor(request: ReclaimRequest, notice: StyledText | null = null): Promise<ChatReply> {
    return reclaimReply(this.options.store, request, this.options.card, notice);
  }

  private async cardOf(request: ReclaimRequest, notice: StyledText | null = null): Promise<CardActionOutcome> {
    return { kind: 'card', reply: await this.replyFor(request, notice) };
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(resolve, ms).unref();
  });
}

function readRequestId(data: unknown): string | null {
  const id = typeof data === 'object' && data !== null ? (data as Record<string, unknown>).requestId : undefined;
  return typeof id === 'string' && REQUEST_ID.test(id) ? id : null;
}

function error(statusCode: number, code: string, message: string): CardActionOutcome {
  return { kind: 'error', statusCode, code, message };
}

/** What the second of two clicks (or a click on an old copy) is told. */
function noticeFor(request: ReclaimRequest): StyledText {
  if (request.status === 'withdrawn') {
    return { text: 'This reclaim card was withdrawn before a decision. Nothing was changed.', color: 'warning' };
  }
  const who = toDisplayText(request.decidedByName ?? request.decidedBy ?? 'someone', CARD_LIMITS.nameLength, 'someone');
  const when = request.decidedAt === null ? '' : ` at ${formatReclaimTime(request.decidedAt)}`;
  const what = request.status === 'dismissed' ? 'dismissed' : 'approved';
  return { text: `Already ${what} by ${who}${when}. Nothing was changed.`, color: 'warning' };
}
