import { MissingPermissionError, UnavailableError } from '../errors';
import { parseCollectionPage } from './collection-page';
import { DEFAULT_MAX_PAGES } from './graph-paging';
import type { GraphRequester } from './graph-requester';
import { resolveNextLink } from './resolve-next-link';
import { translateGraphError } from './translate-graph-error';

/** Graph accepts at most 20 requests in one `$batch`. */
const MAX_BATCH_SIZE = 20;

/** One GET to run inside `$batch`; `key` names its result. */
export interface BatchRead {
  key: string;
  /** Path under the version root, e.g. `groups/abc/membersWithLicenseErrors?$select=id`. */
  path: string;
}

export interface BatchReadOptions {
  /** Sent on the `$batch` request and on every request inside it. */
  headers?: Readonly<Record<string, string>>;
  /**
   * Leave out reads Graph answers 404 instead of failing: only per-group and per-user reads (a group
   * deleted since it was listed). A 404 on a tenant-wide read is an error, never an empty list.
   */
  skipNotFound?: (read: BatchRead) => boolean;
  /**
   * Called when Graph refuses a read for want of an application permission; return true to leave the
   * read out (the caller degrades and says what is unknown), false to fail as usual.
   */
  skipDenied?: (read: BatchRead, error: MissingPermissionError) => boolean;
  maxPages?: number;
}

interface PendingRead extends BatchRead {
  /** Attempts already made for this page. */
  attempts: number;
  /** 1-based page number of this read's collection. */
  page: number;
}

interface BatchAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** What to do with a successful answer: the reads it leads to (a next page), if any. */
type AnswerHandler = (read: PendingRead, body: unknown) => PendingRead[];

/**
 * Runs many GETs through `$batch`, 20 per batch and a bounded number of batches in flight, so a big
 * tenant's reads are spread out. Items answered 429/503/504 are retried (only those, honouring the
 * item's Retry-After, and pausing new batches meanwhile); items' next pages are read in later batches.
 */
export class GraphBatchReader {
  private readonly maxInFlight: number;

  constructor(
    private readonly requester: GraphRequester,
    options: { maxInFlight?: number } = {},
  ) {
    this.maxInFlight = Math.max(1, options.maxInFlight ?? 2);
  }

  /** Reads every page of each collection; resolves with the items per key. */
  async readCollections(reads: readonly BatchRead[], options: BatchReadOptions = {}): Promise<Map<string, unknown[]>> {
    const results = new Map<string, unknown[]>(reads.map((read) => [read.key, []]));
    const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
    const seenLinks = new Set<string>();
    await this.run(reads, options, results, (read, body) => {
      const page = parseCollectionPage(body, `GET ${stripQuery(read.path)} in $batch`);
      results.get(read.key)?.push(...page.value);
      if (page.nextLink === null) {
        return [];
      }
      const path = resolveNextLink(this.requester.baseUrl, page.nextLink, this.requester.graphOrigin);
      if (read.page >= maxPages || seenLinks.has(path)) {
        throw new UnavailableError(`Microsoft Graph kept paging ${stripQuery(read.path)} (page ${read.page}); stopped.`);
      }
      seenLinks.add(path);
      return [{ key: read.key, path, attempts: 0, page: read.page + 1 }];
    });
    return results;
  }

  /** Reads one entity per key (e.g. `users/{id}?$select=...`); resolves with the bodies per key. */
  async readEntities(reads: readonly BatchRead[], options: BatchReadOptions = {}): Promise<Map<string, unknown>> {
    const results = new Map<string, unknown>();
    await this.run(reads, options, results, (read, body) => {
      if (typeof body !== 'object' || body === null) {
        throw new UnavailableError(`Microsoft Graph answered GET ${stripQuery(read.path)} in $batch without an object.`);
      }
      results.set(read.key, body);
      return [];
    });
    return results;
  }

  private async run(
    reads: readonly BatchRead[],
    options: BatchReadOptions,
    results: Map<string, unknown>,
    onAnswer: AnswerHandler,
  ): Promise<void> {
    const queue: PendingRead[] = reads.map((read) => ({ key: read.key, path: read.path.replace(/^\/+/, ''), attempts: 0, page: 1 }));
    const inFlight = new Set<Promise<void>>();
    const state: { failure: Error | null; pause: Promise<void> | null } = { failure: null, pause: null };
    while (state.failure === null && (queue.length > 0 || inFlight.size > 0)) {
      if (state.pause !== null) {
        await state.pause;
      }
      while (state.failure === null && queue.length > 0 && inFlight.size < this.maxInFlight) {
        const chunk = queue.splice(0, MAX_BATCH_SIZE);
        const task: Promise<void> = this.sendBatch(chunk, options, results, onAnswer, queue, state)
          .catch((error: unknown) => {
            state.failure ??= error instanceof Error ? error : new UnavailableError(String(error));
          })
          .finally(() => {
            inFlight.delete(task);
          });
        inFlight.add(task);
      }
      if (inFlight.size > 0) {
        await Promise.race(inFlight);
      }
    }
    await Promise.all(inFlight);
    if (state.failure !== null) {
      throw state.failure;
    }
  }

  private async sendBatch(
    chunk: PendingRead[],
    options: BatchReadOptions,
    results: Map<string, unknown>,
    onAnswer: AnswerHandler,
    queue: PendingRead[],
    state: { pause: Promise<void> | null },
  ): Promise<void> {
    const requests = chunk.map((read, index) => ({
      id: String(index + 1),
      method: 'GET',
      url: `/${read.path}`,
      ...(options.headers === undefined ? {} : { headers: { ...options.headers } }),
    }));
    const body = await this.requester.send({ method: 'POST', path: '$batch', headers: options.headers, body: { requests } });
    const answers = parseBatchAnswers(body);
    const throttled: { read: PendingRead; answer: BatchAnswer }[] = [];
    for (const [index, read] of chunk.entries()) {
      const answer = answers.get(String(index + 1));
      if (answer === undefined) {
        throw new UnavailableError(`Microsoft Graph's $batch answer left out GET ${stripQuery(read.path)}.`);
      }
      const attempt = { ...read, attempts: read.attempts + 1 };
      if (answer.status >= 200 && answer.status < 300) {
        queue.push(...onAnswer(attempt, answer.body));
      } else if (this.requester.retry.isRetryable(answer.status)) {
        throttled.push({ read: attempt, answer });
      } else if (answer.status === 404 && options.skipNotFound?.(read) === true) {
        results.delete(read.key);
      } else {
        const error = translateGraphError({ status: answer.status, body: answer.body, method: 'GET', path: read.path });
        if (error instanceof MissingPermissionError && options.skipDenied?.(read, error) === true) {
          results.delete(read.key);
          continue;
        }
        throw error;
      }
    }
    if (throttled.length === 0) {
      return;
    }
    let wait = 0;
    for (const { read, answer } of throttled) {
      const delay = read.attempts < this.requester.retry.maxAttempts ? this.requester.retry.delayMs(read.attempts, header(answer.headers, 'retry-after')) : null;
      if (delay === null) {
        throw translateGraphError({ status: answer.status, body: answer.body, method: 'GET', path: read.path, attempts: read.attempts });
      }
      wait = Math.max(wait, delay);
    }
    const pause = this.requester.retry.sleep(wait);
    state.pause = pause;
    await pause;
    if (state.pause === pause) {
      state.pause = null;
    }
    queue.unshift(...throttled.map(({ read }) => read));
  }
}

function parseBatchAnswers(body: unknown): Map<string, BatchAnswer> {
  if (typeof body !== 'object' || body === null || !('responses' in body) || !Array.isArray(body.responses)) {
    throw new UnavailableError('Microsoft Graph answered $batch without a "responses" list.');
  }
  const answers = new Map<string, BatchAnswer>();
  for (const item of body.responses as unknown[]) {
    if (typeof item !== 'object' || item === null || !('id' in item) || !('status' in item) || typeof item.status !== 'number') {
      throw new UnavailableError('Microsoft Graph answered $batch with an item that has no id or status.');
    }
    const headers: Record<string, string> = {};
    if ('headers' in item && typeof item.headers === 'object' && item.headers !== null) {
      for (const [name, value] of Object.entries(item.headers)) {
        if (typeof value === 'string' || typeof value === 'number') {
          headers[name.toLowerCase()] = String(value);
        }
      }
    }
    answers.set(String(item.id), { status: item.status, headers, body: 'body' in item ? decodeBody(item.body) : null });
  }
  return answers;
}

/** Batch item bodies are inline JSON; a JSON string is tolerated, anything else is kept as is. */
function decodeBody(body: unknown): unknown {
  if (typeof body !== 'string') {
    return body;
  }
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}

function header(headers: Record<string, string>, name: string): string | null {
  return headers[name] ?? null;
}

function stripQuery(path: string): string {
  const at = path.indexOf('?');
  return at === -1 ? path : path.slice(0, at);
}
