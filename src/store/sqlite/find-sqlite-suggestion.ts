import { NotFoundError } from '../../errors';
import { readSuggestion, type SuggestionRow } from '../records/suggestion-row';
import type { Suggestion } from '../store';
import { sqliteColumns, type SqliteColumnTypes } from './sqlite-columns';
import type { SqliteDatabase } from './sqlite-database';

/** The suggestion with `id`; null when there is none, or a `NotFoundError` when `required`. */
export function findSqliteSuggestion(db: SqliteDatabase, id: string, required: true): Suggestion;
export function findSqliteSuggestion(db: SqliteDatabase, id: string, required: false): Suggestion | null;
export function findSqliteSuggestion(db: SqliteDatabase, id: string, required: boolean): Suggestion | null {
  const row = db.get<SuggestionRow<SqliteColumnTypes>>('SELECT * FROM suggestions WHERE id = ?', id);
  if (row === undefined) {
    if (required) {
      throw new NotFoundError(`No reservation suggestion ${id}`);
    }
    return null;
  }
  return readSuggestion(row, sqliteColumns);
}
