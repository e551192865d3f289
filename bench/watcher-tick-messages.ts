/** One measured watcher tick. */
export interface TickMeasurement {
  ms: number;
  /** Bytes allocated on the V8 heap during the tick. */
  allocatedBytes: number;
  /** Outbox messages the tick enqueued. */
  messages: number;
  transitions: number;
  error: string | null;
}

/** What the watcher-tick child tells the harness. */
export type WatcherChildMessage =
  | { type: 'first'; tick: TickMeasurement }
  | { type: 'steady'; ticks: TickMeasurement[] };

/** What the harness tells the child: go on with the steady ticks (after resetting the Graph stats). */
export type WatcherParentMessage = { type: 'go' };
