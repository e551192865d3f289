/** How Headroom retries Microsoft Graph when it throttles (429) or is briefly unavailable (503, 504). */
export interface RetryOptions {
  /** Attempts per request including the first (default 4). */
  maxAttempts?: number;
  /** First backoff step when Graph gives no Retry-After (default 1000 ms); doubles per attempt. */
  baseDelayMs?: number;
  /** Ceiling of one backoff step (default 30 s). */
  maxDelayMs?: number;
  /** A longer Retry-After than this is not waited for: the call fails at once (default 120 s). */
  maxRetryAfterSeconds?: number;
  /** Waits; tests inject one that records the waits and returns at once. */
  sleep?: (ms: number) => Promise<void>;
  /** A number in [0, 1) for jitter. */
  random?: () => number;
}

const RETRYABLE_STATUSES = new Set([429, 503, 504]);

/** The retry rules shared by plain requests and the items of a `$batch`. */
export class RetryPolicy {
  readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly maxRetryAfterMs: number;
  private readonly sleeper: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(options: RetryOptions = {}) {
    this.maxAttempts = Math.max(1, Math.floor(options.maxAttempts ?? 4));
    this.baseDelayMs = options.baseDelayMs ?? 1000;
    this.maxDelayMs = options.maxDelayMs ?? 30_000;
    this.maxRetryAfterMs = (options.maxRetryAfterSeconds ?? 120) * 1000;
    this.sleeper = options.sleep ?? sleepFor;
    this.random = options.random ?? Math.random;
  }

  /** True for the statuses worth another attempt: 429, 503 and 504 (a 500 is not retried). */
  isRetryable(status: number): boolean {
    return RETRYABLE_STATUSES.has(status);
  }

  /**
   * Milliseconds to wait after attempt number `failedAttempt` (1-based) failed. Honours Retry-After
   * (seconds or an HTTP date) exactly; without it, exponential backoff with jitter. Returns null when
   * Graph asks for a longer wait than we accept, so the caller gives up instead of hanging.
   */
  delayMs(failedAttempt: number, retryAfter: string | null): number | null {
    const asked = parseRetryAfterMs(retryAfter);
    if (asked !== null) {
      return asked > this.maxRetryAfterMs ? null : asked;
    }
    const step = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** Math.max(0, failedAttempt - 1));
    return Math.round(step / 2 + this.random() * (step / 2));
  }

  sleep(ms: number): Promise<void> {
    return this.sleeper(ms);
  }
}

function parseRetryAfterMs(value: string | null): number | null {
  if (value === null || value.trim() === '') {
    return null;
  }
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    return Math.round(Number(trimmed) * 1000);
  }
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

function sleepFor(ms: number): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(resolve, ms);
  });
}
