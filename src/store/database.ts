import type { ColumnType, Generated } from 'kysely';
import type { AlertStatus } from '../alerts/alert-state';
import type { SkuThreshold } from '../settings/sku-threshold';
import type { WatchedPlaceKind } from '../delivery/watched-place';
import type { OutboxKind } from '../delivery/outbox-message';
import type { SuggestionStatus } from '../reservations/suggestion';

/**
 * Headroom's tables as Kysely sees them, in camelCase (the `CamelCasePlugin` maps them to the
 * snake_case columns). A selected row already has its record's shape:
 * - times are ISO-8601 UTC strings in both dialects (SQLite stores them so; PostgreSQL's timestamptz is
 *   read back as ISO by the pool's type parsers);
 * - JSON columns are written as JSON text and read back parsed (jsonb in PostgreSQL; text that the
 *   SQLite values plugin parses, for the columns named in `JSON_COLUMNS`);
 * - flags are booleans (SQLite keeps 0/1; the plugin converts both ways, for `FLAG_COLUMNS`).
 *
 * Adding a stored field: the record type beside its feature, the table here, the module that writes it
 * in `kysely/`, and a migration in `migrations/`.
 */
export interface Database {
  conversationReferences: ConversationReferencesTable;
  watchedPlaces: WatchedPlacesTable;
  skuThresholds: SkuThresholdsTable;
  mutedSkus: MutedSkusTable;
  skuHistory: SkuHistoryTable;
  alertStates: AlertStatesTable;
  outbox: OutboxTable;
  seatHolds: SeatHoldsTable;
  suggestions: SuggestionsTable;
  suggestionAudit: SuggestionAuditTable;
  leases: LeasesTable;
}

/** An ISO-8601 UTC time. */
type Time = string;
/** A JSON column: written as JSON text, read back as the value it holds. */
type Json<T = unknown> = ColumnType<T, string, string>;

/** JSON columns (camelCase): SQLite hands them back as text, to be parsed. */
export const JSON_COLUMNS: ReadonlySet<string> = new Set(['reference', 'details', 'payload', 'reasoning', 'cardActivities']);
/** Boolean columns (camelCase): SQLite keeps them as 0/1. */
export const FLAG_COLUMNS: ReadonlySet<string> = new Set(['active']);

export interface ConversationReferencesTable {
  conversationId: string;
  reference: Json;
  tenantId: string;
  conversationType: string;
  teamId: string | null;
  channelName: string | null;
  updatedAt: Time;
}

export interface WatchedPlacesTable {
  conversationId: string;
  kind: WatchedPlaceKind;
  addedBy: string;
  addedAt: Time;
  active: boolean;
  inactiveReason: string | null;
  inactiveSince: Time | null;
}

export interface SkuThresholdsTable {
  skuId: string;
  kind: SkuThreshold['kind'];
  value: number;
  setBy: string;
  setAt: Time;
}

export interface MutedSkusTable {
  skuId: string;
  mutedBy: string;
  mutedAt: Time;
}

export interface SkuHistoryTable {
  skuId: string;
  takenAt: Time;
  purchased: number;
  assigned: number;
  available: number;
  waiting: number;
}

export interface AlertStatesTable {
  skuId: string;
  condition: string;
  status: AlertStatus;
  since: Time;
  lastNotifiedAt: Time | null;
  details: Json;
  version: number;
  updatedAt: Time;
}

export interface OutboxTable {
  id: Generated<number>;
  kind: OutboxKind;
  target: string;
  payload: Json;
  dedupeKey: string;
  createdAt: Time;
  attempts: Generated<number>;
  nextAttemptAt: Time;
  claimedBy: string | null;
  claimedUntil: Time | null;
  sentAt: Time | null;
  activityId: string | null;
  lastError: string | null;
  deadAt: Time | null;
}

export interface SeatHoldsTable {
  id: string;
  skuId: string;
  quantity: number;
  reason: string;
  createdAt: Time;
  expiresAt: Time;
  releasedAt: Time | null;
}

export interface SuggestionsTable {
  id: string;
  skuId: string;
  skuPartNumber: string;
  displayName: string;
  quantity: number;
  reasoning: Json;
  status: SuggestionStatus;
  createdAt: Time;
  updatedAt: Time;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: Time | null;
  snoozedUntil: Time | null;
  purchasedAtApproval: number | null;
  cardActivities: ColumnType<Record<string, string>, string | undefined, string>;
  version: number;
}

export interface SuggestionAuditTable {
  id: Generated<number>;
  suggestionId: string;
  at: Time;
  actor: string;
  actorName: string | null;
  action: string;
  quantity: number | null;
  previousStatus: SuggestionStatus | null;
  newStatus: SuggestionStatus;
}

export interface LeasesTable {
  name: string;
  owner: string;
  acquiredAt: Time;
  expiresAt: Time;
}
