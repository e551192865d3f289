import { readWatchedPlace, type WatchedPlaceRow } from '../records/watched-place-row';
import { storeInput } from '../store-input';
import type { NewWatchedPlace, WatchedPlace } from '../store';
import type { WatchedPlacesPart } from '../store-parts';
import { postgresColumns, type PostgresColumnTypes } from './postgres-columns';
import type { PostgresDatabase } from './postgres-database';

type PlaceRow = WatchedPlaceRow<PostgresColumnTypes>;

/** Where alerts go. */
export class PostgresWatchedPlaces implements WatchedPlacesPart {
  constructor(private readonly db: PostgresDatabase) {}

  async watchPlace(input: NewWatchedPlace): Promise<WatchedPlace> {
    const row = await this.db.one<PlaceRow>(
      `INSERT INTO watched_places (conversation_id, kind, added_by, added_at, active) VALUES ($1, $2, $3, $4, TRUE)
       ON CONFLICT (conversation_id) DO UPDATE SET kind = excluded.kind, added_by = excluded.added_by,
         added_at = excluded.added_at, active = TRUE, inactive_reason = NULL, inactive_since = NULL
       RETURNING *`,
      [storeInput.text(input.conversationId, 'conversationId'), input.kind, storeInput.text(input.addedBy, 'addedBy'), this.db.now()],
    );
    return readWatchedPlace(row as PlaceRow, postgresColumns);
  }

  async unwatchPlace(conversationId: string): Promise<boolean> {
    return this.db.changed('DELETE FROM watched_places WHERE conversation_id = $1', [conversationId]);
  }

  async listWatchedPlaces(options: { activeOnly?: boolean } = {}): Promise<WatchedPlace[]> {
    const rows = await this.db.all<PlaceRow>(`SELECT * FROM watched_places ${options.activeOnly === true ? 'WHERE active' : ''} ORDER BY added_at, conversation_id`);
    return rows.map((row) => readWatchedPlace(row, postgresColumns));
  }

  async markPlaceInactive(conversationId: string, reason: string): Promise<boolean> {
    return this.db.changed(
      'UPDATE watched_places SET active = FALSE, inactive_reason = $1, inactive_since = $2 WHERE conversation_id = $3 AND active',
      [reason, this.db.now(), conversationId],
    );
  }

  async reactivatePlace(conversationId: string): Promise<boolean> {
    return this.db.changed(
      'UPDATE watched_places SET active = TRUE, inactive_reason = NULL, inactive_since = NULL WHERE conversation_id = $1 AND NOT active',
      [conversationId],
    );
  }
}
