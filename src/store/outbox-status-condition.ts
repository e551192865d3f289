import type { OutboxFilter } from './store';

/** The WHERE conditions (the same SQL in both dialects) that select outbox messages in `status`. */
export function outboxStatusCondition(status: OutboxFilter['status']): string[] {
  if (status === 'pending') {
    return ['sent_at IS NULL AND dead_at IS NULL'];
  }
  if (status === 'sent') {
    return ['sent_at IS NOT NULL'];
  }
  if (status === 'dead') {
    return ['dead_at IS NOT NULL'];
  }
  return [];
}
