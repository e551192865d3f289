import { ConflictError, ForbiddenError, NotFoundError, UnavailableError, ValidationError } from '../errors';

/** The HTTP status an API error maps to; null for errors that are bugs (500, message withheld). */
export function statusForError(error: unknown): number | null {
  if (error instanceof ValidationError) {
    return 400;
  }
  if (error instanceof NotFoundError) {
    return 404;
  }
  if (error instanceof ConflictError) {
    return 409;
  }
  if (error instanceof ForbiddenError) {
    return 502;
  }
  if (error instanceof UnavailableError) {
    return 503;
  }
  return null;
}
