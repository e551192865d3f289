import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger';
import { CONVERSATION_KINDS, type OutboxKind, type OutboxMessage } from './outbox-message';
import type { Outbox } from './outbox';
import type { WatchedPlaceStore } from './watched-place-store';
import { ConversationPacer, TEAMS_THREAD_LIMITS, type RateWindow } from './conversation-pacer';
import { DeliveryError } from './delivery-error';
import { ConflictError } from '../errors';
import type { OutboxSender } from './outbox-sender';
import { planRedelivery, type BackoffSettings } from './plan-redelivery';

/** Test seams around one delivery; production passes none. */
export interface DispatchHooks {
  /** Runs after the far end accepted a message and before it is marked sent. */
  afterSend?: (message: OutboxMessage) => void | Promise<void>;
  /** Runs after a message was marked sent. */
  afterMark?: (message: OutboxMessage) => void | Promise<void>;
}

export interface OutboxDispatcherOptions {
  store: Outbox & Pick<WatchedPlaceStore, 'markPlaceInactive'>;
  logger: Logger;
  senders?: Partial<Record<OutboxKind, OutboxSender>>;
  clock?: () => Date;
  /** This process's name in outbox claims; random by default. */
  claimant?: string;
  /** How long a claim keeps other instances off a message; longer than any one send, including botbuilder's own retries. Default 5 min. */
  claimLeaseMs?: number;
  /** Messages claimed per round. Default 20. */
  batchSize?: number;
  backoff?: Partial<BackoffSettings>;
  /** Per-conversation rate limits for messages posted to a conversation (`channel`, `suggestion-card`). Default: Teams' per-thread limits. */
  pacing?: readonly RateWindow[];
  /** The timer's period between rounds. Default 5 s. */
  intervalMs?: number;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  hooks?: DispatchHooks;
}

/** What one dispatch pass did. */
export interface DispatchResult {
  sent: number;
  retrying: number;
  dead: number;
}

const DEFAULT_BACKOFF: BackoffSettings = { baseMs: 30_000, maxMs: 60 * 60_000, maxAttempts: 12 };

/**
 * Sends the outbox: claims due messages, hands each to the sender of its kind, and marks it sent or
 * failed (see {@link planRedelivery}). A 403 on a conversation also marks the watched place inactive.
 * Channel messages are paced per conversation to stay inside Teams' per-thread limits.
 *
 * Delivery is at least once: a crash after the far end accepted a message and before it is marked
 * sent leaves the claim to expire, and the message goes out again. Every instance may dispatch;
 * the store's claims make sure two never send the same message at the same time.
 */
export class OutboxDispatcher {
  private readonly senders = new Map<OutboxKind, OutboxSender>();
  private readonly clock: () => Date;
  private readonly claimant: string;
  private readonly backoff: BackoffSettings;
  private readonly pacer: ConversationPacer;
  private readonly sleep: (ms: number) => Promise<void>;
  private running: Promise<DispatchResult> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;

  constructor(private readonly options: OutboxDispatcherOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.claimant = options.claimant ?? `headroom-${randomUUID()}`;
    this.backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
    this.pacer = new ConversationPacer(options.pacing ?? TEAMS_THREAD_LIMITS);
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    for (const [kind, sender] of Object.entries(options.senders ?? {}) as [OutboxKind, OutboxSender | undefined][]) {
      if (sender !== undefined) {
        this.senders.set(kind, sender);
      }
    }
  }

  /**
   * Adds the one sender of a kind, e.g. the reservations webhook. A kind has exactly one sender: a
   * second one for the same kind is a wiring mistake and throws instead of silently replacing the first.
   */
  registerSender(kind: OutboxKind, sender: OutboxSender): void {
    if (this.senders.has(kind)) {
      throw new ConflictError(`The outbox already has a sender for kind ${kind}`);
    }
    this.senders.set(kind, sender);
  }

  /**
   * Sends everything due now, round after round until nothing due is left. Concurrent calls share
   * the pass in progress and then run one more, so a message enqueued meanwhile is not left waiting.
   */
  async runOnce(): Promise<DispatchResult> {
    const previous = this.running;
    const next = (async () => {
      if (previous !== null) {
        await previous.catch(() => undefined);
      }
      return this.dispatchAll();
    })();
    this.running = next;
    try {
      return await next;
    } finally {
      if (this.running === next) {
        this.running = null;
      }
    }
  }

  /** Dispatches every `intervalMs` (default 5 s) until `stop()`, so retries happen between watcher ticks. */
  start(): void {
    if (!this.stopped) {
      return;
    }
    this.stopped = false;
    this.schedule();
  }

  /** Stops the timer and waits for the pass in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    await this.running?.catch(() => undefined);
  }

  private schedule(): void {
    if (this.stopped) {
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      this.runOnce()
        .catch((error: unknown) => this.options.logger.error('outbox dispatch failed', { error }))
        .finally(() => this.schedule());
    }, this.options.intervalMs ?? 5_000);
    this.timer.unref();
  }

  private async dispatchAll(): Promise<DispatchResult> {
    const total: DispatchResult = { sent: 0, retrying: 0, dead: 0 };
    const batchSize = this.options.batchSize ?? 20;
    for (;;) {
      const claimed = await this.options.store.claimDueOutbox(
        this.clock().toISOString(),
        batchSize,
        this.claimant,
        this.options.claimLeaseMs ?? 5 * 60_000,
      );
      for (const message of claimed) {
        const outcome = await this.deliver(message);
        total[outcome] += 1;
      }
      if (claimed.length < batchSize || this.stopped) {
        return total;
      }
    }
  }

  private async deliver(message: OutboxMessage): Promise<keyof DispatchResult> {
    const { store, logger } = this.options;
    const sender = this.senders.get(message.kind);
    if (sender === undefined) {
      if (!(await store.markOutboxFailed(message.id, this.claimant, `no sender for kind ${message.kind}`, null))) {
        this.logTakeover(message);
        return 'retrying';
      }
      logger.error('outbox message has no sender for its kind', { id: message.id, kind: message.kind });
      return 'dead';
    }
    if (CONVERSATION_KINDS.has(message.kind)) {
      await this.pace(message.target);
    }
    let activityId: string | null;
    try {
      activityId = (await sender(message)).activityId ?? null;
    } catch (error) {
      return this.fail(message, error);
    }
    await this.options.hooks?.afterSend?.(message);
    // The at-least-once window: the far end has the message, the store does not know yet.
    if (!(await store.markOutboxSent(message.id, this.claimant, activityId))) {
      this.logTakeover(message);
    }
    await this.options.hooks?.afterMark?.(message);
    logger.info('outbox message sent', { id: message.id, kind: message.kind, target: message.target, attempts: message.attempts });
    return 'sent';
  }

  /** Our claim ran out while we were sending (we were slow) and another instance claimed the message since. */
  private logTakeover(message: OutboxMessage): void {
    this.options.logger.info('another instance took over this message', { id: message.id, kind: message.kind, claimant: this.claimant });
  }

  private async pace(conversationId: string): Promise<void> {
    const wait = this.pacer.delayFor(conversationId, this.clock().getTime());
    if (wait > 0) {
      await this.sleep(wait);
    }
    this.pacer.record(conversationId, this.clock().getTime());
  }

  private async fail(message: OutboxMessage, error: unknown): Promise<keyof DispatchResult> {
    const { store, logger } = this.options;
    const plan = planRedelivery(error, message.attempts, message.kind, this.clock(), this.backoff, (this.options.random ?? Math.random)());
    const settled = await store.markOutboxFailed(message.id, this.claimant, plan.reason, plan.nextAttemptAt);
    if (plan.placeGone) {
      const changed = await store.markPlaceInactive(message.target, 'The bot was removed from this conversation (HTTP 403); it is reactivated when the bot is installed again.');
      logger.warn('the bot can no longer post to a watched place; marked it inactive', { conversationId: message.target, changed });
    }
    const fields = {
      id: message.id,
      kind: message.kind,
      target: message.target,
      attempts: message.attempts,
      status: error instanceof DeliveryError ? error.status : null,
      reason: plan.reason,
      nextAttemptAt: plan.nextAttemptAt,
    };
    if (!settled) {
      // The message is still pending in the store; its new claimant decides what happens next.
      this.logTakeover(message);
      return 'retrying';
    }
    if (plan.nextAttemptAt === null) {
      logger.error('outbox message given up', fields);
      return 'dead';
    }
    logger.warn('outbox message failed; will retry', fields);
    return 'retrying';
  }
}
