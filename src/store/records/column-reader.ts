/**
 * The column types that differ between the drivers. Everything else (text, integers) reads the same.
 * SQLite keeps times as ISO text, JSON as text, booleans as 0/1 and 64-bit numbers as numbers;
 * PostgreSQL hands back `Date`s, parsed JSONB, booleans and BIGINTs as strings.
 */
export interface ColumnTypes {
  time: unknown;
  json: unknown;
  flag: unknown;
  bigint: unknown;
}

/** How one driver turns its column values into the store's record values. */
export interface ColumnReader<C extends ColumnTypes> {
  /** A timestamp as a canonical ISO-8601 UTC string. */
  time(value: C['time']): string;
  /** A nullable timestamp. */
  timeOrNull(value: C['time'] | null): string | null;
  /** A JSON column as the value it holds. */
  json(value: C['json']): unknown;
  flag(value: C['flag']): boolean;
  /** A BIGINT column, or a SUM, as a number. */
  bigint(value: C['bigint']): number;
}
