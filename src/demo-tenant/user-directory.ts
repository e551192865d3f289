import type { DemoUser } from './demo-records';

/**
 * Where a demo tenant's users come from. A directory may compute each user from its index on demand,
 * so a tenant of 100,000 users never holds 100,000 objects.
 */
export interface UserDirectory {
  readonly size: number;
  /** The user at `index` (0 <= index < size). */
  userAt(index: number): DemoUser;
  /** The index of the user with this id, or undefined when the directory has no such user. */
  indexOf(userId: string): number | undefined;
}
