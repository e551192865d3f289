import type { GrantedPermissions } from './demo-permission-grants';

/** One request as the demo Graph router sees it: from HTTP or from inside a `$batch`. */
export interface GraphRequest {
  method: string;
  /** Path with query, starting at `/v1.0/...` (percent-encoding left as sent). */
  url: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** Parsed JSON body, or undefined when there was none. */
  body: unknown;
  insideBatch: boolean;
  /** The caller's application permissions (from its token or the control endpoint); everything when unset. */
  granted?: GrantedPermissions;
}

/** One answer of the demo Graph router. */
export interface GraphResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}
