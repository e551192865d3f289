import { ConflictError } from '../errors';

/** Driver error codes of a write that a UNIQUE or PRIMARY KEY constraint refused: better-sqlite3's, then PostgreSQL's SQLSTATE. */
const UNIQUE_CODES: readonly string[] = ['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY', '23505'];

/** What to throw for a failed write: a `ConflictError` with `message` when a unique constraint refused it, else the original error. */
export function uniqueConflict(error: unknown, message: string): unknown {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  return typeof code === 'string' && UNIQUE_CODES.includes(code) ? new ConflictError(message, { cause: error }) : error;
}
