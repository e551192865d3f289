import type { DemoUser } from './demo-records';
import type { UserDirectory } from './user-directory';

/** A user directory over an array of materialised users; appending is allowed. */
export class ListUserDirectory implements UserDirectory {
  private readonly users: DemoUser[] = [];
  private readonly indexById = new Map<string, number>();

  constructor(users: readonly DemoUser[] = []) {
    for (const user of users) {
      this.add(user);
    }
  }

  get size(): number {
    return this.users.length;
  }

  userAt(index: number): DemoUser {
    const user = this.users[index];
    if (user === undefined) {
      throw new RangeError(`No user at index ${index}`);
    }
    return user;
  }

  indexOf(userId: string): number | undefined {
    return this.indexById.get(userId.toLowerCase());
  }

  add(user: DemoUser): void {
    this.indexById.set(user.id.toLowerCase(), this.users.length);
    this.users.push(user);
  }
}
