import { randomUUID } from 'node:crypto';
import type { GraphResponse } from './graph-exchange';

/** The Graph error code conventionally sent with each HTTP status. */
export function graphErrorCodeFor(status: number): string {
  switch (status) {
    case 400:
      return 'BadRequest';
    case 401:
      return 'InvalidAuthenticationToken';
    case 403:
      return 'Authorization_RequestDenied';
    case 404:
      return 'Request_ResourceNotFound';
    case 429:
      return 'TooManyRequests';
    case 500:
      return 'InternalServerError';
    case 502:
      return 'BadGateway';
    case 503:
      return 'ServiceUnavailable';
    case 504:
      return 'GatewayTimeout';
    default:
      return 'UnknownError';
  }
}

/** A Graph-shaped error: `{ error: { code, message, innerError: { date, request-id, client-request-id } } }`. */
export function createGraphErrorResponse(
  status: number,
  code: string,
  message: string,
  clientRequestId: string | undefined,
  headers: Record<string, string> = {},
): GraphResponse {
  const requestId = randomUUID();
  return {
    status,
    headers: { 'content-type': 'application/json', 'request-id': requestId, 'client-request-id': clientRequestId ?? requestId, ...headers },
    body: {
      error: {
        code,
        message,
        innerError: { date: new Date().toISOString().replace(/\.\d{3}Z$/, ''), 'request-id': requestId, 'client-request-id': clientRequestId ?? requestId },
      },
    },
  };
}
