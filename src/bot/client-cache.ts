/**
 * Clients kept by key, at most `maxClients`, the least recently used dropped first. A client still
 * being made is shared by every caller asking for the same key; one that could not be made is
 * forgotten, so the next caller tries again.
 */
export class ClientCache<Client> {
  private readonly clients = new Map<string, Promise<Client>>();

  constructor(private readonly maxClients: number) {
    if (!Number.isInteger(maxClients) || maxClients < 1) {
      throw new RangeError(`A client cache needs room for at least one client, not ${maxClients}`);
    }
  }

  get size(): number {
    return this.clients.size;
  }

  get(key: string, make: () => Promise<Client>): Promise<Client> {
    const known = this.clients.get(key);
    if (known !== undefined) {
      // Moves the entry to the end of the insertion order: the least recently used stays first.
      this.clients.delete(key);
      this.clients.set(key, known);
      return known;
    }
    const made = make();
    this.clients.set(key, made);
    made.catch(() => {
      if (this.clients.get(key) === made) {
        this.clients.delete(key);
      }
    });
    if (this.clients.size > this.maxClients) {
      const oldest = this.clients.keys().next();
      if (oldest.done !== true) {
        this.clients.delete(oldest.value);
      }
    }
    return made;
  }
}
