import type { ColumnReader } from '../records/column-reader';

/** What node-postgres hands back: `Date`s for TIMESTAMPTZ, parsed JSONB, booleans, BIGINTs as strings. */
export interface PostgresColumnTypes {
  time: Date;
  json: unknown;
  flag: boolean;
  bigint: string;
}

/** Reads PostgreSQL's columns: times become ISO strings, BIGINTs numbers; JSONB is parsed already. */
export const postgresColumns: ColumnReader<PostgresColumnTypes> = {
  time: (value) => value.toISOString(),
  timeOrNull: (value) => (value === null ? null : value.toISOString()),
  json: (value) => value,
  flag: (value) => value,
  bigint: (value) => Number(value),
};
