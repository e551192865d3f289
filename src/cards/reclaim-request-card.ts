import type { StyledText } from './styled-text';

/** One seat on the reclaim card: who holds it, and (after an approval) what happened to it. */
export interface ReclaimSeatRow {
  /** Display name, literal. */
  name: string;
  /** "megan@contoso.com · last sign-in 3 Feb 2025", literal. */
  detail: string;
  /** "Removed", "Failed: DependencyViolation ...", "Waiting to be removed"; null while the request is open. */
  outcome: StyledText | null;
}

/** One seat inherited from a group: Headroom never removes it, the card says which group to leave. */
export interface ReclaimGroupSeatRow {
  name: string;
  detail: string;
  /** "Take them out of Sales to free the seat.", literal. */
  action: string;
}

/** Data for `cards/reclaim-request.json`: one SKU's seats on disabled accounts, and the decision on them. */
export interface ReclaimRequestCard {
  requestId: string;
  verbs: { approve: string; dismiss: string; refresh: string };
  /** Users whose Teams client refreshes the card automatically (at most 60). */
  refreshUserIds: string[];
  productName: string;
  /** "3 seats on disabled accounts". */
  headline: string;
  status: StyledText;
  notice: StyledText | null;
  decision: string | null;
  directTitle: string;
  direct: ReclaimSeatRow[];
  /** "… and 12 more." when the list is cut; else null. */
  directMore: string | null;
  hasGroupSeats: boolean;
  groupTitle: string;
  groupSeats: ReclaimGroupSeatRow[];
  groupMore: string | null;
  /** Still open: the actions are shown. */
  open: boolean;
  /** RECLAIM_ACTIONS is on and there is something to remove: the Reclaim button is shown. */
  canReclaim: boolean;
  /** What the approvers can do and what is recorded. */
  approverNote: string;
  /** When reclaiming is off: how to turn it on and what to grant; else null. */
  actionsOff: string | null;
  footer: string;
}
