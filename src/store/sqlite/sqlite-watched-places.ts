import { readWatchedPlace, type WatchedPlaceRow } from '../records/watched-place-row';
import { storeInput } from '../store-input';
import type { NewWatchedPlace, WatchedPlace } from '../store';
import type { WatchedPlacesPart } from '../store-parts';
import { sqliteColumns, type SqliteColumnTypes } from './sqlite-columns';
import type { SqliteDatabase } from './sqlite-database';

type PlaceRow = WatchedPlaceRow<SqliteColumnTypes>;

/** Where alerts go. */
export class SqliteWatchedPlaces implements WatchedPlacesPart {
  constructor(private readonly db: SqliteDatabase) {}

  async watchPlace(input: NewWatchedPlace): Promise<WatchedPlace> {
    return this.db.write(() => {
      const row = this.db.get<PlaceRow>(
        `INSERT INTO watched_places (conversation_id, kind, added_by, added_at, active) VALUES (?, ?, ?, ?, 1)
         ON CONFLICT (conversation_id) DO UPDATE SET kind = excluded.kind, added_by = excluded.added_by,
           added_at = excluded.added_at, active = 1, inactive_reason = NULL, inactive_since = NULL
         RETURNING *`,
        storeInput.text(input.conversationId, 'conversationId'),
        input.kind,
        storeInput.text(input.addedBy, 'addedBy'),
        this.db.now(),
      );
      return readWatchedPlace(row as PlaceRow, sqliteColumns);
    });
  }

  async unwatchPlace(conversationId: string): Promise<boolean> {
    return this.db.changed('DELETE FROM watched_places WHERE conversation_id = ?', conversationId);
  }

  async listWatchedPlaces(options: { activeOnly?: boolean } = {}): Promise<WatchedPlace[]> {
    const rows = this.db.all<PlaceRow>(`SELECT * FROM watched_places ${options.activeOnly === true ? 'WHERE active = 1' : ''} ORDER BY added_at, conversation_id`);
    return rows.map((row) => readWatchedPlace(row, sqliteColumns));
  }

  async markPlaceInactive(conversationId: string, reason: string): Promise<boolean> {
    return this.db.changed(
      'UPDATE watched_places SET active = 0, inactive_reason = ?, inactive_since = ? WHERE conversation_id = ? AND active = 1',
      reason,
      this.db.now(),
      conversationId,
    );
  }

  async reactivatePlace(conversationId: string): Promise<boolean> {
    return this.db.changed(
      'UPDATE watched_places SET active = 1, inactive_reason = NULL, inactive_since = NULL WHERE conversation_id = ? AND active = 0',
      conversationId,
    );
  }
}
