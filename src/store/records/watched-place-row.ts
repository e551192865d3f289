import type { WatchedPlace, WatchedPlaceKind } from '../store';
import type { ColumnReader, ColumnTypes } from './column-reader';

/** A `watched_places` row. */
export interface WatchedPlaceRow<C extends ColumnTypes> {
  conversation_id: string;
  kind: WatchedPlaceKind;
  added_by: string;
  added_at: C['time'];
  active: C['flag'];
  inactive_reason: string | null;
  inactive_since: C['time'] | null;
}

export function readWatchedPlace<C extends ColumnTypes>(row: WatchedPlaceRow<C>, read: ColumnReader<C>): WatchedPlace {
  return {
    conversationId: row.conversation_id,
    kind: row.kind,
    addedBy: row.added_by,
    addedAt: read.time(row.added_at),
    active: read.flag(row.active),
    inactiveReason: row.inactive_reason,
    inactiveSince: read.timeOrNull(row.inactive_since),
  };
}
