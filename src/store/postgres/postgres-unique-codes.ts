/** The SQLSTATE of a write that a unique constraint refused. */
export const POSTGRES_UNIQUE_CODES: readonly string[] = ['23505'];
