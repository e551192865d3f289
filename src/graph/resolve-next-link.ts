import { UnavailableError } from '../errors';
import { isGraphHost } from './graph-cloud';

/**
 * Turns an absolute `@odata.nextLink` into a path under `${baseUrl}/v1.0/`. The Graph client treats
 * only https URLs as absolute, so links are always followed relative to the configured base; a link
 * to another host, scheme, port or API version is refused rather than sent our token. Behind a proxy
 * (the base is not a Graph host), a link to the cloud's own Graph host (`graphOrigin`) is followed
 * through the proxy: Graph writes its own host into next-page links.
 */
export function resolveNextLink(baseUrl: string, nextLink: string, graphOrigin: string | null = null): string {
  let link: URL;
  let base: URL;
  try {
    link = new URL(nextLink);
    base = new URL(baseUrl);
  } catch (error) {
    throw new UnavailableError('Microsoft Graph returned a next-page link that is not a valid URL.', { cause: error });
  }
  const prefix = `${base.pathname.replace(/\/+$/, '')}/v1.0/`;
  const behindProxy = graphOrigin !== null && !isGraphHost(base.hostname) && link.origin === new URL(graphOrigin).origin;
  if (behindProxy && link.pathname.startsWith('/v1.0/')) {
    return `${link.pathname.slice('/v1.0/'.length)}${link.search}`;
  }
  if (link.origin !== base.origin || !link.pathname.startsWith(prefix)) {
    throw new UnavailableError(
      `Refused to follow a next-page link to ${link.origin}${link.pathname}: it is not under ${base.origin}${prefix}.`,
    );
  }
  return `${link.pathname.slice(prefix.length)}${link.search}`;
}
