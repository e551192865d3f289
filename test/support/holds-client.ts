/** A test client for Headroom's /api/v1 surface: raw responses, so tests see statuses and headers. */
export interface ApiClient {
  /** POSTs `body` to /api/v1/holds: objects are sent as JSON, strings and buffers as they are. */
  postHold(body: unknown, options?: { headers?: Record<string, string>; key?: string | null }): Promise<ApiAnswer>;
  listHolds(options?: { key?: string | null }): Promise<ApiAnswer>;
  releaseHold(id: string, options?: { key?: string | null }): Promise<ApiAnswer>;
  licenses(options?: { key?: string | null }): Promise<ApiAnswer>;
}

/** A response read whole: status, headers and the body parsed as JSON (null when empty). */
export interface ApiAnswer {
  status: number;
  headers: Headers;
  body: Record<string, unknown> | null;
}

async function answerOf(response: Response): Promise<ApiAnswer> {
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? null : (JSON.parse(text) as Record<string, unknown>) };
}

/** Builds a client for a Headroom at `baseUrl` that authenticates with `apiKey` unless told otherwise. */
export function holdsClient(baseUrl: string, apiKey: string): ApiClient {
  const auth = (key: string | null | undefined): Record<string, string> => {
    const chosen = key === undefined ? apiKey : key;
    return chosen === null ? {} : { authorization: `Bearer ${chosen}` };
  };
  return {
    postHold: async (body, options = {}) => {
      const raw = typeof body === 'string' || body instanceof Uint8Array;
      const response = await fetch(`${baseUrl}/api/v1/holds`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth(options.key), ...options.headers },
        body: raw ? body : JSON.stringify(body),
      });
      return answerOf(response);
    },
    listHolds: async (options = {}) => answerOf(await fetch(`${baseUrl}/api/v1/holds`, { headers: auth(options.key) })),
    releaseHold: async (id, options = {}) =>
      answerOf(await fetch(`${baseUrl}/api/v1/holds/${encodeURIComponent(id)}`, { method: 'DELETE', headers: auth(options.key) })),
    licenses: async (options = {}) => answerOf(await fetch(`${baseUrl}/api/v1/licenses`, { headers: auth(options.key) })),
  };
}
