/** A known condition, or any other string a rule introduces. */
export type AlertCondition = 'low' | 'exhausted' | 'over-assigned' | 'suspended' | 'waiting' | 'expiring' | 'license-errors' | (string & {});

export type AlertStatus = 'active' | 'resolved';

/** The stored state of one (skuId, condition). */
export interface AlertState {
  skuId: string;
  condition: AlertCondition;
  status: AlertStatus;
  /** When the current status began. */
  since: string;
  lastNotifiedAt: string | null;
  details: unknown;
  /** Starts at 1 and grows by one on every write; the token for conditional commits. */
  version: number;
  updatedAt: string;
}

/** The new state of one (skuId, condition), computed from the state at `expectedVersion`. */
export interface AlertStateChange {
  skuId: string;
  condition: AlertCondition;
  /** The version read before computing the change; null when no state existed. */
  expectedVersion: number | null;
  status: AlertStatus;
  since: string;
  lastNotifiedAt: string | null;
  details: unknown;
}
