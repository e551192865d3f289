import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * True when an Authorization header carries exactly `Bearer <key>`. The comparison runs in constant
 * time: both sides are hashed first so neither the key's content nor its length leaks through timing.
 */
export function matchesBearerKey(authorization: string | undefined, key: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(authorization?.trim() ?? '');
  const presented = match?.[1] ?? '';
  const expected = createHash('sha256').update(key).digest();
  const actual = createHash('sha256').update(presented).digest();
  return timingSafeEqual(expected, actual) && presented.length > 0;
}
