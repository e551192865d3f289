/**
 * Runs a callback once after a delay and returns a function that cancels it. The watcher and its lease
 * heartbeat take one, so tests can drive time with fake timers instead of waiting.
 */
export type TimerScheduler = (delayMs: number, run: () => void) => () => void;

/** Node's timers, unreferenced: a pending watcher timer never keeps the process alive. */
export const nodeTimerScheduler: TimerScheduler = (delayMs, run) => {
  const timer = setTimeout(run, Math.max(0, Math.round(delayMs)));
  timer.unref();
  return () => clearTimeout(timer);
};
