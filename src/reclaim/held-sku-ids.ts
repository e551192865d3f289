import type { DirectoryUser } from './reclaim-directory';

/** The distinct products a user holds, in the order first listed (SKU ids as the directory spelled them). */
export function heldSkuIds(user: DirectoryUser): string[] {
  const seen = new Map<string, string>();
  for (const license of user.licenses) {
    const key = license.skuId.toLowerCase();
    if (!seen.has(key)) {
      seen.set(key, license.skuId);
    }
  }
  return [...seen.values()];
}
