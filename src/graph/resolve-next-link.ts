import { UnavailableError } from '../errors';

/**
 * Turns an absolute `@odata.nextLink` into a path under `${baseUrl}/v1.0/`. The Graph client treats
 * only https URLs as absolute, so links are always followed relative to the configured base; a link
 * to another host, scheme, port or API version is refused rather than sent our token.
 */
export function resolveNextLink(baseUrl: string, nextLink: string): string {
  let link: URL;
  let base: URL;
  try {
    link = new URL(nextLink);
    base = new URL(baseUrl);
  } catch (error) {
    throw new UnavailableError('Microsoft Graph returned a next-page link that is not a valid URL.', { cause: error });
  }
  const prefix = `${base.pathname.replace(/\/+$/, '')}/v1.0/`;
  if (link.origin !== base.origin || !link.pathname.startsWith(prefix)) {
    throw new UnavailableError(
      `Refused to follow a next-page link to ${link.origin}${link.pathname}: it is not under ${base.origin}${prefix}.`,
    );
  }
  return `${link.pathname.slice(prefix.length)}${link.search}`;
}
