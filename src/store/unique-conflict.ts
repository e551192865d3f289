import { ConflictError } from '../errors';

/**
 * What to throw for a failed write: a `ConflictError` with `message` when the driver's error code says a
 * unique constraint refused it (`uniqueCodes` differ per driver), else the original error.
 */
export function uniqueConflict(error: unknown, uniqueCodes: readonly string[], message: string): unknown {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  return typeof code === 'string' && uniqueCodes.includes(code) ? new ConflictError(message, { cause: error }) : error;
}
