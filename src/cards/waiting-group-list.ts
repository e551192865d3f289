import type { WaitingGroup } from '../licenses/sku-figures';
import { CARD_LIMITS } from './card-limits';
import { formatCount } from './format-count';
import { formatQuantity } from './format-quantity';
import { toDisplayText } from './to-display-text';

/** One group whose members wait for a seat, as a card lists it. */
export interface WaitingGroupRow {
  /** The group's display name, literal. */
  name: string;
  /** "3 waiting". */
  waiting: string;
}

/** The waiting groups of one SKU, largest first, cut to a limit. */
export interface WaitingGroupList {
  groups: WaitingGroupRow[];
  /** "and 4 more groups (12 users)" when the list was cut; otherwise null. */
  more: string | null;
}

/** Lists the groups with the most waiting users first, at most `limit` of them. */
export function buildWaitingGroupList(groups: readonly WaitingGroup[], limit: number): WaitingGroupList {
  const ordered = [...groups].sort((a, b) => b.waiting - a.waiting);
  const shown = ordered.slice(0, limit);
  const rest = ordered.slice(limit);
  const restUsers = rest.reduce((sum, group) => sum + group.waiting, 0);
  return {
    groups: shown.map((group) => ({
      name: toDisplayText(group.displayName, CARD_LIMITS.nameLength, group.groupId ?? 'Direct assignment'),
      waiting: `${formatCount(group.waiting)} waiting`,
    })),
    more: rest.length === 0 ? null : `and ${formatQuantity(rest.length, 'more group')} (${formatQuantity(restUsers, 'user')})`,
  };
}
