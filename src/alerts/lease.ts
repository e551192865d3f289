/** A named lease: the one instance of many that holds it runs the watcher. */
export interface Lease {
  name: string;
  owner: string;
  acquiredAt: string;
  expiresAt: string;
}
