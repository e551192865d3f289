import { constants, createHash, verify, X509Certificate } from 'node:crypto';

/** Why the identity endpoint refuses a client assertion: the AADSTS code and Entra-style text. */
export interface AssertionRefusal {
  code: number;
  description: string;
}

export interface AssertionCheck {
  /** The form's `client_assertion_type`. */
  assertionType: string | null;
  /** The form's `client_assertion`: a compact JWS. */
  assertion: string;
  clientId: string;
  /** The token endpoint the assertion must be addressed to (`aud`). */
  tokenEndpoint: string;
  /** PEM certificates registered for the app. */
  certificates: string[];
  /** Now, in seconds since the epoch. */
  nowSeconds?: number;
}

const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const SKEW_SECONDS = 300;

interface Header {
  alg?: unknown;
  x5t?: unknown;
  'x5t#S256'?: unknown;
}

interface Claims {
  aud?: unknown;
  iss?: unknown;
  sub?: unknown;
  exp?: unknown;
  nbf?: unknown;
}

const refuse = (code: number, text: string): AssertionRefusal => ({ code, description: `AADSTS${code}: ${text}` });

function decode<T>(part: string | undefined): T | null {
  if (part === undefined || part === '') {return null;}
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null ? (value as T) : null;
  } catch {
    return null;
  }
}

/** The registered certificate the header's thumbprint names (`x5t`: SHA-1, `x5t#S256`: SHA-256 of the DER), if any. */
function findCertificate(header: Header, certificates: string[]): { certificate: X509Certificate; thumbprint: string } | null {
  const sha256 = typeof header['x5t#S256'] === 'string' ? header['x5t#S256'] : null;
  const sha1 = typeof header.x5t === 'string' ? header.x5t : null;
  for (const pem of certificates) {
    const certificate = new X509Certificate(pem);
    if (sha256 !== null && createHash('sha256').update(certificate.raw).digest('base64url') === sha256) {return { certificate, thumbprint: sha256 };}
    if (sha1 !== null && createHash('sha1').update(certificate.raw).digest('base64url') === sha1) {return { certificate, thumbprint: sha1 };}
  }
  return null;
}

/**
 * Checks a certificate-signed client assertion the way the Microsoft identity platform does for the
 * client-credentials flow: the assertion type, a thumbprint header naming a registered certificate, an
 * RS256 or PS256 signature by that certificate's key, `aud` the token endpoint, `iss` and `sub` the
 * client id, and `nbf`/`exp` around now. Returns null when it is good.
 */
export function verifyClientAssertion(check: AssertionCheck): AssertionRefusal | null {
  if (check.assertionType !== JWT_BEARER) {
    return refuse(7000216, "'client_assertion_type' must be 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'.");
  }
  const parts = check.assertion.split('.');
  const header = decode<Header>(parts[0]);
  const claims = decode<Claims>(parts[1]);
  if (parts.length !== 3 || header === null || claims === null) {
    return refuse(50027, 'JWT token is invalid or malformed.');
  }
  const found = findCertificate(header, check.certificates);
  if (found === null) {
    const named = typeof header['x5t#S256'] === 'string' ? header['x5t#S256'] : typeof header.x5t === 'string' ? header.x5t : 'none';
    return refuse(700027, `Client assertion failed signature validation. The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: '${named}']`);
  }
  const signed = Buffer.from(`${parts[0]}.${parts[1]}`);
  const signature = Buffer.from(parts[2] ?? '', 'base64url');
  const key = found.certificate.publicKey;
  let good: boolean;
  if (header.alg === 'RS256') {
    good = verify('sha256', signed, key, signature);
  } else if (header.alg === 'PS256') {
    good = verify('sha256', signed, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST }, signature);
  } else {
    return refuse(700027, `Client assertion contains an invalid signature. [Reason - The algorithm '${String(header.alg)}' is not supported.]`);
  }
  if (!good) {
    return refuse(700027, `Client assertion contains an invalid signature. [Reason - The signature does not match the key of certificate '${found.thumbprint}'.]`);
  }
  if (claims.iss !== check.clientId || claims.sub !== check.clientId) {
    return refuse(700021, 'Client assertion application identifier does not match the client_id parameter.');
  }
  if (claims.aud !== check.tokenEndpoint) {
    return refuse(700023, `Client assertion audience claim does not match Realm issuer. Expected '${check.tokenEndpoint}'.`);
  }
  const now = check.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (typeof claims.exp !== 'number' || claims.exp + SKEW_SECONDS < now || (typeof claims.nbf === 'number' && claims.nbf - SKEW_SECONDS > now)) {
    return refuse(700024, 'Client assertion is not within its valid time range.');
  }
  return null;
}
