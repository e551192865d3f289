import { matchSkus } from '../licenses/sku-matcher';
import type { SkuFigures } from '../licenses/sku-figures';

/** What a product named in a settings command resolved to. */
export type OneSkuResolution =
  | { kind: 'one'; sku: SkuFigures }
  | { kind: 'none'; suggestions: string[] }
  | { kind: 'many'; candidates: SkuFigures[] };

/**
 * Resolves a product query to exactly one SKU with `matchSkus`. When `preferred` is given and exactly
 * one of those SKUs matches, it wins (unmuting looks among the muted products first).
 */
export function resolveOneSku(query: string, figures: readonly SkuFigures[], preferred?: (sku: SkuFigures) => boolean): OneSkuResolution {
  if (preferred !== undefined) {
    const among = matchSkus(query, figures.filter(preferred)).matches;
    if (among.length === 1) {
      return { kind: 'one', sku: among[0] };
    }
  }
  const { matches, suggestions } = matchSkus(query, figures);
  if (matches.length === 1) {
    return { kind: 'one', sku: matches[0] };
  }
  if (matches.length === 0) {
    return { kind: 'none', suggestions };
  }
  return { kind: 'many', candidates: matches };
}
