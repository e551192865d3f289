import { GraphError, ResponseType } from '@microsoft/microsoft-graph-client';
import type { Client } from '@microsoft/microsoft-graph-client';
import { UnavailableError } from '../errors';
import type { Logger } from '../logger';
import { RetryPolicy } from './retry-policy';
import { translateGraphError, type GraphFailure } from './translate-graph-error';

/** One call to Microsoft Graph. */
export interface GraphCall {
  method: 'GET' | 'POST';
  /** Path under the version root, e.g. `subscribedSkus?$select=skuId`. */
  path: string;
  headers?: Readonly<Record<string, string>>;
  /** JSON body of a POST. */
  body?: unknown;
  /**
   * `all` (the default) retries 429, 503, 504 and network failures. `throttling-only` is for writes
   * that must not be repeated blindly: only a 429 (Graph refused the request before doing it) is
   * retried; a network failure, 503 or 504 fails at once, because the write may have happened.
   */
  retry?: 'all' | 'throttling-only';
  /** Turns a failed answer into the error to throw, instead of the read-oriented default. */
  translate?: (failure: GraphFailure) => Error;
}

/** Names @azure/identity gives errors raised while getting a token. */
const CREDENTIAL_FAILURE = /AuthenticationError|CredentialUnavailable|AuthenticationRequired/;

/**
 * The one wrapper every Graph call goes through: retries 429 (honouring Retry-After), 503 and 504
 * with bounded attempts, and turns every failure into a Headroom error. Returns parsed JSON bodies.
 */
export class GraphRequester {
  /** Root URL without version, as configured. */
  readonly baseUrl: string;
  /** The Graph origin of the cloud; behind a proxy, next-page links to it are followed through the proxy. */
  readonly graphOrigin: string | null;
  private readonly credentialHint: string;
  private readonly renewToken: (() => void) | null;

  constructor(
    private readonly client: Client,
    baseUrl: string,
    readonly retry: RetryPolicy,
    private readonly logger: Logger,
    options: { graphOrigin?: string; credentialHint?: string; renewToken?: () => void } = {},
  ) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.graphOrigin = options.graphOrigin ?? null;
    this.credentialHint = options.credentialHint ?? 'check the Graph credentials in the configuration';
    this.renewToken = options.renewToken ?? null;
  }

  /** Sends the call, retrying what is worth retrying; resolves with the JSON body of a 2xx answer. */
  async send(call: GraphCall): Promise<unknown> {
    const path = call.path.replace(/^\/+/, '');
    const writeSafe = call.retry === 'throttling-only';
    const translate = call.translate ?? translateGraphError;
    let renewed = false;
    for (let attempt = 1; ; attempt += 1) {
      let response: Response;
      let text: string;
      try {
        response = await this.fetchOnce({ ...call, path });
        text = await response.text();
      } catch (error) {
        if (error instanceof UnavailableError) {
          throw error;
        }
        if (writeSafe) {
          throw new UnavailableError(
            `Headroom lost its connection to Microsoft Graph during ${call.method} ${stripQuery(path)} (${describeError(error)}); ` +
              'the change may or may not have been made, so it was not sent again.',
            { cause: error },
          );
        }
        const wait = this.retry.delayMs(attempt, null);
        if (attempt >= this.retry.maxAttempts || wait === null) {
          throw new UnavailableError(
            `Headroom could not reach Microsoft Graph at ${this.baseUrl} (${describeError(error)}) after ${attempt} attempt${attempt === 1 ? '' : 's'}.`,
            { cause: error },
          );
        }
        this.logger.warn('graph request failed, retrying', { method: call.method, path, attempt, waitMs: wait, error: describeError(error) });
        await this.retry.sleep(wait);
        continue;
      }
      if (response.ok) {
        return parseJsonBody(text, call.method, path);
      }
      const body = parseJsonOrText(text);
      if (response.status === 401 && !renewed && this.renewToken !== null) {
        // A cached token Graph no longer takes (revoked, keys rolled): one fresh token, one retry.
        renewed = true;
        this.renewToken();
        this.logger.info('graph refused the token, retrying once with a fresh one', { method: call.method, path });
        continue;
      }
      if (this.retry.isRetryable(response.status) && (!writeSafe || response.status === 429)) {
        const wait = attempt < this.retry.maxAttempts ? this.retry.delayMs(attempt, response.headers.get('retry-after')) : null;
        if (wait !== null) {
          this.logger.debug('graph answered retryable status, waiting', { method: call.method, path, status: response.status, attempt, waitMs: wait });
          await this.retry.sleep(wait);
          continue;
        }
        this.logger.warn('graph kept answering retryable status, giving up', { method: call.method, path, status: response.status, attempt });
        throw translate({ status: response.status, body, method: call.method, path, attempts: attempt });
      }
      throw translate({ status: response.status, body, method: call.method, path });
    }
  }

  private async fetchOnce(call: GraphCall): Promise<Response> {
    const request = this.client.api(call.path).responseType(ResponseType.RAW);
    if (call.headers !== undefined) {
      request.headers({ ...call.headers });
    }
    let raw: unknown;
    try {
      raw =
        call.method === 'GET'
          ? await request.get()
          : await request.header('Content-Type', 'application/json').post(JSON.stringify(call.body ?? {}));
    } catch (error) {
      if (error instanceof GraphError && CREDENTIAL_FAILURE.test(error.code ?? '')) {
        throw new UnavailableError(`Headroom could not get a token for Microsoft Graph (${error.code}: ${firstLine(error.message)}): ${this.credentialHint}.`, {
          cause: error,
        });
      }
      throw error;
    }
    if (!(raw instanceof Response)) {
      throw new UnavailableError(`The Graph client returned no HTTP response for ${call.method} ${call.path}.`);
    }
    return raw;
  }
}

function parseJsonBody(text: string, method: string, path: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UnavailableError(`Microsoft Graph answered ${method} ${stripQuery(path)} with a body that is not JSON.`, { cause: error });
  }
}

function parseJsonOrText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function stripQuery(path: string): string {
  const at = path.indexOf('?');
  return at === -1 ? path : path.slice(0, at);
}

function describeError(error: unknown): string {
  if (error instanceof GraphError) {
    return `${error.code ?? 'error'}: ${error.message}`;
  }
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}

/** The first line of an identity error, which is the useful one (MSAL appends trace and correlation ids). */
function firstLine(text: string): string {
  return (text.split('\n')[0] ?? '').slice(0, 300);
}
