import type { ColumnReader } from '../records/column-reader';

/** How SQLite stores what has no type of its own: ISO text times, JSON text, 0/1 flags. */
export interface SqliteColumnTypes {
  time: string;
  json: string;
  flag: number;
  bigint: number;
}

/** Reads SQLite's columns: times are stored canonical already, JSON is parsed. */
export const sqliteColumns: ColumnReader<SqliteColumnTypes> = {
  time: (value) => value,
  timeOrNull: (value) => value,
  json: (value) => JSON.parse(value) as unknown,
  flag: (value) => value === 1,
  bigint: (value) => value,
};
