/**
 * The `roles` claim of an access token: the application permissions granted to the app. Null when the
 * token is not a readable JWT; empty when it carries no roles. The signature is not checked: the token
 * came from the identity platform to this process, and only its claims are read.
 */
export function readRolesClaim(token: string): string[] | null {
  const payload = token.split('.')[1];
  if (payload === undefined) {
    return null;
  }
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (typeof claims !== 'object' || claims === null || !('roles' in claims)) {
      return [];
    }
    return Array.isArray(claims.roles) ? claims.roles.filter((role): role is string => typeof role === 'string').sort() : [];
  } catch {
    return null;
  }
}
