/** Why a SKU is left out of overviews and alerts. */
export type HiddenReason = 'company' | 'free' | 'trial' | 'viral' | 'muted';

/** Users waiting for a SKU because one group's license assignment ran out of seats. */
export interface WaitingGroup {
  groupId: string | null;
  displayName: string;
  waiting: number;
}

/** The license figures for one SKU, as ARCHITECTURE.md defines them. */
export interface SkuFigures {
  skuId: string;
  skuPartNumber: string;
  displayName: string;
  purchased: number;
  expiring: number;
  suspended: number;
  lockedOut: number;
  assigned: number;
  /** purchased - assigned; negative means over-assigned. */
  available: number;
  /** Distinct users whose assignment of this SKU failed with CountViolation. */
  waiting: number;
  /** max(0, waiting - available). */
  shortfall: number;
  /** Seats under active holds taken by automation. */
  held: number;
  hidden: boolean;
  hiddenReason: HiddenReason | null;
  waitingGroups: WaitingGroup[];
}
