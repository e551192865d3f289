import { UnavailableError } from '../errors';

/** One page of a Graph collection. */
export interface CollectionPage {
  value: unknown[];
  nextLink: string | null;
}

/** Reads `value` and `@odata.nextLink` from a collection response; anything else is an odd body. */
export function parseCollectionPage(body: unknown, what: string): CollectionPage {
  if (typeof body !== 'object' || body === null || !('value' in body) || !Array.isArray(body.value)) {
    throw new UnavailableError(`Microsoft Graph answered ${what} without a "value" list.`);
  }
  const value: unknown[] = body.value;
  const link: unknown = '@odata.nextLink' in body ? body['@odata.nextLink'] : undefined;
  if (link !== undefined && link !== null && typeof link !== 'string') {
    throw new UnavailableError(`Microsoft Graph answered ${what} with a next-page link that is not text.`);
  }
  return { value, nextLink: typeof link === 'string' && link !== '' ? link : null };
}
