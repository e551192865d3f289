import { graphErrorCodeFor } from './graph-error-response';

/** A fault to answer instead of the real handler. */
export interface FaultSpec {
  status: number;
  /** How many matching requests it answers before it is used up (default 1). */
  times?: number;
  /** Sent as `Retry-After` when given. */
  retryAfterSeconds?: number;
  /** Only requests whose path and query contain this text (e.g. `membersWithLicenseErrors`). */
  pathIncludes?: string;
  /**
   * `true`: only inner requests of a `$batch`; `false`: only plain HTTP requests; unset: whichever
   * matching request comes first, so a fault on `subscribedSkus` fires however the client reads it.
   */
  insideBatch?: boolean;
  /** Graph error code; defaults to the code Graph uses for the status. */
  code?: string;
  message?: string;
}

/** A fault that matched a request. */
export interface TriggeredFault {
  status: number;
  code: string;
  message: string;
  headers: Record<string, string>;
}

interface ActiveFault {
  spec: FaultSpec;
  remaining: number;
}

/** Faults waiting to be answered by the demo Graph server, consumed in the order they were injected. */
export class FaultInjector {
  private faults: ActiveFault[] = [];

  inject(spec: FaultSpec): void {
    const times = spec.times ?? 1;
    if (!Number.isInteger(times) || times < 1) {
      throw new RangeError(`times must be a positive whole number, got ${String(spec.times)}`);
    }
    this.faults.push({ spec, remaining: times });
  }

  clear(): void {
    this.faults = [];
  }

  /** How many injected answers are still pending. */
  get pending(): number {
    return this.faults.reduce((sum, fault) => sum + fault.remaining, 0);
  }

  /** Consumes and returns the first fault that matches this request, if any. */
  take(pathAndQuery: string, insideBatch: boolean): TriggeredFault | undefined {
    const decoded = safeDecode(pathAndQuery);
    const fault = this.faults.find(
      ({ spec }) =>
        (spec.insideBatch === undefined || spec.insideBatch === insideBatch) &&
        (spec.pathIncludes === undefined || pathAndQuery.includes(spec.pathIncludes) || decoded.includes(spec.pathIncludes)),
    );
    if (fault === undefined) {
      return undefined;
    }
    fault.remaining -= 1;
    if (fault.remaining === 0) {
      this.faults = this.faults.filter((f) => f !== fault);
    }
    const { status, retryAfterSeconds } = fault.spec;
    return {
      status,
      code: fault.spec.code ?? graphErrorCodeFor(status),
      message: fault.spec.message ?? `Injected fault: ${status}`,
      headers: retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) },
    };
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
