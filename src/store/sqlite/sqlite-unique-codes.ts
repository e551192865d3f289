/** The error codes better-sqlite3 gives a write that a UNIQUE or PRIMARY KEY constraint refused. */
export const SQLITE_UNIQUE_CODES: readonly string[] = ['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY'];
