import type { Suggestion, SuggestionStatus } from '../store';
import type { ColumnReader, ColumnTypes } from './column-reader';

/** A `suggestions` row. */
export interface SuggestionRow<C extends ColumnTypes> {
  id: string;
  sku_id: string;
  sku_part_number: string;
  display_name: string;
  quantity: number;
  reasoning: C['json'];
  status: SuggestionStatus;
  created_at: C['time'];
  updated_at: C['time'];
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: C['time'] | null;
  snoozed_until: C['time'] | null;
  purchased_at_approval: number | null;
  card_activities: C['json'];
  version: number;
}

export function readSuggestion<C extends ColumnTypes>(row: SuggestionRow<C>, read: ColumnReader<C>): Suggestion {
  return {
    id: row.id,
    skuId: row.sku_id,
    skuPartNumber: row.sku_part_number,
    displayName: row.display_name,
    quantity: row.quantity,
    reasoning: read.json(row.reasoning),
    status: row.status,
    createdAt: read.time(row.created_at),
    updatedAt: read.time(row.updated_at),
    decidedBy: row.decided_by,
    decidedByName: row.decided_by_name,
    decidedAt: read.timeOrNull(row.decided_at),
    snoozedUntil: read.timeOrNull(row.snoozed_until),
    purchasedAtApproval: row.purchased_at_approval,
    cardActivities: read.json(row.card_activities) as Record<string, string>,
    version: row.version,
  };
}
