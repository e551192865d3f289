export interface HoldRequest {
  skuId: string;
  quantity: number;
  reason: string;
  expiresAt: string;
  now: string;
  /** Seats available per Graph; active holds plus this one must not exceed it. */
  unheldLimit: number;
}

/** Seats set aside for automation until `expiresAt` or release. */
export interface SeatHold {
  id: string;
  skuId: string;
  quantity: number;
  reason: string;
  createdAt: string;
  expiresAt: string;
  releasedAt: string | null;
}

export type HoldResult =
  | { ok: true; hold: SeatHold; /** Seats held for the SKU including this hold. */ heldAfter: number }
  | { ok: false; /** Seats already held for the SKU. */ held: number };
