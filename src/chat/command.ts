import type { SkuThreshold } from '../settings/sku-threshold';

/** What a chat message asks for, once parsed. */
export type Command =
  | { kind: 'help' }
  | { kind: 'licenses' }
  | { kind: 'shortfalls' }
  /** Licensing errors buying seats won't fix, and users blocked by another product, tenant-wide. */
  | { kind: 'errors' }
  | { kind: 'product'; query: string }
  | { kind: 'can-assign'; quantity: number; query: string }
  | { kind: 'alerts' }
  | { kind: 'watch' }
  | { kind: 'unwatch' }
  | { kind: 'set-threshold'; query: string; threshold: SkuThreshold }
  | { kind: 'mute'; query: string }
  | { kind: 'unmute'; query: string }
  | { kind: 'reservations' }
  /** The license report of the current period, now. */
  | { kind: 'report' }
  /**
   * Seats on disabled or inactive accounts, from the latest reclaim scan; `query` names the product,
   * null for every product.
   */
  | { kind: 'reclaim'; query: string | null }
  /** A recognised command with arguments that make no sense; `message` says what is wrong. */
  | { kind: 'invalid'; message: string };
