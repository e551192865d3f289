/** A rate window: at most `limit` sends in any `windowMs`. */
export interface RateWindow {
  limit: number;
  windowMs: number;
}

/**
 * Teams' per-thread limits for a bot: about 7 messages a second and 60 per 30 seconds. Headroom
 * stays a little under the first.
 */
export const TEAMS_THREAD_LIMITS: readonly RateWindow[] = [
  { limit: 7, windowMs: 1_000 },
  { limit: 60, windowMs: 30_000 },
];

/**
 * Remembers when each conversation was last sent to (in this process) and says how long to wait so
 * the next send keeps every window's limit.
 */
export class ConversationPacer {
  private readonly sentAt = new Map<string, number[]>();
  private readonly longestWindowMs: number;

  constructor(private readonly windows: readonly RateWindow[] = TEAMS_THREAD_LIMITS) {
    this.longestWindowMs = Math.max(0, ...windows.map((window) => window.windowMs));
  }

  /** Milliseconds to wait before the next send to `conversationId` at `nowMs`; 0 when it may go now. */
  delayFor(conversationId: string, nowMs: number): number {
    const times = this.prune(conversationId, nowMs);
    let wait = 0;
    for (const window of this.windows) {
      const inWindow = times.filter((t) => t > nowMs - window.windowMs);
      if (inWindow.length >= window.limit) {
        // The oldest send that must leave the window before one more fits.
        const blocking = inWindow[inWindow.length - window.limit];
        wait = Math.max(wait, blocking + window.windowMs - nowMs);
      }
    }
    return wait;
  }

  /** Records a send (successful or not: the connector counted it either way). */
  record(conversationId: string, nowMs: number): void {
    const times = this.prune(conversationId, nowMs);
    times.push(nowMs);
    this.sentAt.set(conversationId, times);
  }

  private prune(conversationId: string, nowMs: number): number[] {
    const times = (this.sentAt.get(conversationId) ?? []).filter((t) => t > nowMs - this.longestWindowMs);
    if (times.length === 0) {
      this.sentAt.delete(conversationId);
    } else {
      this.sentAt.set(conversationId, times);
    }
    return times;
  }
}
