import type { OutboxMessage } from '../store';

/** Sort order of claimed messages: the longest due first, then the oldest. */
export function byDueThenId(a: OutboxMessage, b: OutboxMessage): number {
  return a.nextAttemptAt === b.nextAttemptAt ? a.id - b.id : a.nextAttemptAt < b.nextAttemptAt ? -1 : 1;
}
