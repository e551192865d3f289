/**
 * Counts the requests in flight and, once closed, turns new ones away, so a stopping instance can
 * finish the turns it accepted while the load balancer sends new ones to another instance.
 */
export class RequestGate {
  private open = true;
  private inFlight = 0;
  private waiters: (() => void)[] = [];

  /** False once `close()` was called. */
  get accepting(): boolean {
    return this.open;
  }

  /** Requests admitted and not yet finished. */
  get active(): number {
    return this.inFlight;
  }

  /**
   * Admits one request. Returns the function to call when it finishes (calling it again does nothing),
   * or null when the gate is closed and the request must be turned away.
   */
  enter(): (() => void) | null {
    if (!this.open) {
      return null;
    }
    this.inFlight += 1;
    let left = false;
    return () => {
      if (left) {
        return;
      }
      left = true;
      this.inFlight -= 1;
      if (this.inFlight === 0) {
        this.wake();
      }
    };
  }

  /** Stops admitting requests. Idempotent. */
  close(): void {
    this.open = false;
  }

  /** Resolves once no admitted request is in flight (at once when none is). */
  drained(): Promise<void> {
    if (this.inFlight === 0) {
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) {
      resolve();
    }
  }
}
