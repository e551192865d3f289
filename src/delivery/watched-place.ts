export type WatchedPlaceKind = 'channel' | 'groupChat' | 'personal';

export interface NewWatchedPlace {
  conversationId: string;
  /** AAD object id (or name) of who asked for alerts here. */
  addedBy: string;
  kind: WatchedPlaceKind;
}

/** A conversation that receives alerts. */
export interface WatchedPlace {
  conversationId: string;
  kind: WatchedPlaceKind;
  addedBy: string;
  addedAt: string;
  active: boolean;
  inactiveReason: string | null;
  inactiveSince: string | null;
}
