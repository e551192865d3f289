import type { NewOutboxMessage } from '../delivery/outbox-message';
import type { AlertState, AlertStateChange } from './alert-state';

/** Alert states, committed together with the outbox messages they cause. */
export interface AlertStateStore {
  listAlertStates(): Promise<AlertState[]>;
  /**
   * Applies every state change and enqueues every outbox message in ONE transaction. Each change names
   * the version it was computed from; if any row has moved on (or appeared, for `expectedVersion: null`)
   * nothing is written and a `ConflictError` is thrown. Returns the states as written.
   */
  commitAlertTransitions(changes: readonly AlertStateChange[], outbox: readonly NewOutboxMessage[]): Promise<AlertState[]>;
}
