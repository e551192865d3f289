import { UnavailableError } from '../errors';
import { parseCollectionPage } from './collection-page';
import type { GraphCall, GraphRequester } from './graph-requester';
import { resolveNextLink } from './resolve-next-link';

/** How many pages one collection may span before Headroom suspects a loop. */
export const DEFAULT_MAX_PAGES = 1000;

export interface PageReadOptions {
  headers?: Readonly<Record<string, string>>;
  maxPages?: number;
  /** Turns a failed page into the error to throw (see GraphCall.translate). */
  translate?: GraphCall['translate'];
}

/**
 * Reads every page of a Graph collection, following `@odata.nextLink` on the configured base, and
 * parses each item. Refuses links to another host and stops a link that repeats or never ends.
 */
export async function readAllPages<T>(
  requester: GraphRequester,
  path: string,
  parse: (item: unknown) => T,
  options: PageReadOptions = {},
): Promise<T[]> {
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const items: T[] = [];
  const seen = new Set<string>();
  let next: string | null = path;
  for (let pages = 0; next !== null; pages += 1) {
    if (pages >= maxPages) {
      throw new UnavailableError(`Microsoft Graph kept paging ${describe(path)} beyond ${maxPages} pages; stopped.`);
    }
    const body = await requester.send({ method: 'GET', path: next, headers: options.headers, translate: options.translate });
    const page = parseCollectionPage(body, `GET ${describe(path)}`);
    items.push(...page.value.map(parse));
    next = page.nextLink === null ? null : resolveNextLink(requester.baseUrl, page.nextLink, requester.graphOrigin);
    if (next !== null && seen.has(next)) {
      throw new UnavailableError(`Microsoft Graph returned the same next-page link twice for ${describe(path)}; stopped.`);
    }
    if (next !== null) {
      seen.add(next);
    }
  }
  return items;
}

function describe(path: string): string {
  const at = path.indexOf('?');
  return at === -1 ? path : path.slice(0, at);
}
