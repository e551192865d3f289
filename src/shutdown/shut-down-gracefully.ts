import type { Logger } from '../logger';

export interface GracefulShutdownOptions {
  /** Drains and stops the service (`RunningHeadroom.stop`). */
  stop: (reason: string) => Promise<void>;
  /** What the stop is still waiting for; logged when the deadline passes. */
  pending: () => string[];
  logger: Logger;
  /** How long the stop may take before the process gives up waiting. Default 9 s, inside the 10 s platforms allow. */
  deadlineMs?: number;
}

/** The exit code after a graceful stop, and after one that failed or ran out of time. */
export const SHUTDOWN_EXIT = { clean: 0, unclean: 1 } as const;

/**
 * Runs the stop against a deadline and returns the exit code for the process: 0 when everything
 * stopped in time, 1 when the stop failed or the deadline passed (then it logs what was pending).
 * It never throws, so the caller can always exit.
 */
export async function shutDownGracefully(reason: string, options: GracefulShutdownOptions): Promise<number> {
  const deadlineMs = options.deadlineMs ?? 9_000;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'deadline'>((resolve) => {
    timer = setTimeout(() => resolve('deadline'), deadlineMs);
  });
  try {
    const outcome = await Promise.race([options.stop(reason).then(() => 'stopped' as const), deadline]);
    if (outcome === 'deadline') {
      options.logger.error('shutdown deadline passed; exiting with work still pending', { reason, deadlineMs, pending: options.pending() });
      return SHUTDOWN_EXIT.unclean;
    }
    return SHUTDOWN_EXIT.clean;
  } catch (error) {
    options.logger.error('shutdown failed; exiting', { reason, error, pending: options.pending() });
    return SHUTDOWN_EXIT.unclean;
  } finally {
    clearTimeout(timer);
  }
}
