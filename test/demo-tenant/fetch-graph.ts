/** A Graph response read as JSON, for demo tenant tests. */
export interface FetchedGraph {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

export async function fetchGraph(url: string, init: RequestInit = {}): Promise<FetchedGraph> {
  const response = await fetch(url, init);
  const body = (await response.json()) as Record<string, unknown>;
  return { status: response.status, headers: response.headers, body };
}

export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<FetchedGraph> {
  return fetchGraph(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

/** Follows `@odata.nextLink` from `url` and returns every item and the number of pages read. */
export async function readAllPages(url: string, init: RequestInit = {}): Promise<{ items: Record<string, unknown>[]; pages: number }> {
  const items: Record<string, unknown>[] = [];
  let pages = 0;
  let next: string | undefined = url;
  while (next !== undefined) {
    const { status, body } = await fetchGraph(next, init);
    if (status !== 200) {
      throw new Error(`GET ${next} answered ${status}: ${JSON.stringify(body)}`);
    }
    pages += 1;
    items.push(...(body['value'] as Record<string, unknown>[]));
    const link = body['@odata.nextLink'];
    next = typeof link === 'string' ? link : undefined;
  }
  return { items, pages };
}

export function errorCodeOf(body: Record<string, unknown>): unknown {
  const error = body['error'] as Record<string, unknown> | undefined;
  return error?.['code'];
}
