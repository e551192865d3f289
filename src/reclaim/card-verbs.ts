/** The Universal Actions verbs of the reclaim card (`noun.verb`); this file is their only spelling. */
export const RECLAIM_VERBS = {
  approve: 'reclaim.approve',
  dismiss: 'reclaim.dismiss',
  /** Sent by the card's `refresh` action (and by Teams when an approver opens the card). */
  refresh: 'reclaim.refresh',
} as const;

export type ReclaimVerb = (typeof RECLAIM_VERBS)[keyof typeof RECLAIM_VERBS];

const VERBS: readonly string[] = Object.values(RECLAIM_VERBS);

/** True when `value` is one of the reclaim card's verbs. */
export function isReclaimVerb(value: unknown): value is ReclaimVerb {
  return typeof value === 'string' && VERBS.includes(value);
}
