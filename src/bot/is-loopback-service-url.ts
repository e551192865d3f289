/**
 * True for an http(s) URL whose host is this machine: `localhost`, an IPv4 address in 127.0.0.0/8 or
 * `[::1]`. Without a MicrosoftAppId no token proves where an activity came from, so these are the
 * only serviceUrls Headroom will send replies to or store for later.
 */
export function isLoopbackServiceUrl(serviceUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return false;
  }
  const host = url.hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
