import type { NewWatchedPlace, WatchedPlace } from './watched-place';

/** The conversations alerts go to. */
export interface WatchedPlaceStore {
  /** Starts (or resumes) sending alerts to a conversation; watching an already watched place reactivates it. */
  watchPlace(input: NewWatchedPlace): Promise<WatchedPlace>;
  /** Stops sending alerts to a conversation. True when it was watched. */
  unwatchPlace(conversationId: string): Promise<boolean>;
  listWatchedPlaces(options?: { activeOnly?: boolean }): Promise<WatchedPlace[]>;
  /** Keeps the place but stops sending to it (the bot was removed: 403). True when it was active. */
  markPlaceInactive(conversationId: string, reason: string): Promise<boolean>;
  /** Sends to an inactive place again (the bot was installed again). True when it was inactive. */
  reactivatePlace(conversationId: string): Promise<boolean>;
}
