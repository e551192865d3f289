import { GRAPH_CALLS, type GraphCallPermissions } from './graph-permissions';

/**
 * The row of the permission table for a request Headroom makes, by method and path under `/v1.0/`
 * (leading slash optional). Undefined for `$batch` and anything Headroom does not call.
 */
export function findGraphCall(method: string, path: string): GraphCallPermissions | undefined {
  const trimmed = path.replace(/^\/+/, '').replace(/^v1\.0\//i, '');
  const upper = method.toUpperCase();
  return GRAPH_CALLS.find((call) => call.method === upper && call.pattern.test(trimmed));
}
