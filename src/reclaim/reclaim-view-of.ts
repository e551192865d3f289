import type { ReclaimPersonView, ReclaimProductView, ReclaimView } from '../cards/reclaim-view';
import type { ReclaimCandidate, ReclaimScan } from './reclaim-scan';

/** A product the answer may name: its id, names and whether overviews leave it out. */
export interface ReclaimProduct {
  skuId: string;
  skuPartNumber: string;
  displayName: string;
  hidden: boolean;
}

export interface ReclaimViewOptions {
  now: Date;
  /** The user's product query (literal), or null for every product. */
  query: string | null;
  /**
   * With a query: exactly the products it matched, each answered even with nothing to reclaim.
   * Without: the products of the current snapshot, used for names; hidden ones are left out.
   */
  products: readonly ReclaimProduct[];
  names: ReclaimView['names'];
}

function personOf(candidate: ReclaimCandidate): ReclaimPersonView {
  return {
    displayName: candidate.displayName,
    userPrincipalName: candidate.userPrincipalName,
    reason: candidate.reason,
    lastSignIn: candidate.lastSignIn,
    heldBy: candidate.assignedBy === 'direct' ? 'direct' : { id: candidate.assignedBy.groupId, name: candidate.assignedBy.displayName },
  };
}

function productViewOf(product: ReclaimProduct, candidates: readonly ReclaimCandidate[], scan: ReclaimScan, showNames: boolean): ReclaimProductView {
  const groups = new Map<string, { id: string; name: string | null; seats: number }>();
  let direct = 0;
  for (const candidate of candidates) {
    if (candidate.assignedBy === 'direct') {
      direct += 1;
      continue;
    }
    const group = groups.get(candidate.assignedBy.groupId) ?? { id: candidate.assignedBy.groupId, name: candidate.assignedBy.displayName, seats: 0 };
    group.seats += 1;
    groups.set(group.id, group);
  }
  const people = showNames
    ? [...candidates]
        .sort((a, b) => (a.reason === b.reason ? 0 : a.reason === 'disabled' ? -1 : 1) || a.displayName.localeCompare(b.displayName) || a.userPrincipalName.localeCompare(b.userPrincipalName))
        .map(personOf)
    : [];
  return {
    name: product.displayName,
    partNumber: product.skuPartNumber,
    disabled: candidates.filter((candidate) => candidate.reason === 'disabled').length,
    inactive: scan.inactiveUnknown === null ? candidates.filter((candidate) => candidate.reason === 'inactive').length : null,
    direct,
    groups: [...groups.values()].sort((a, b) => b.seats - a.seats || (a.name ?? a.id).localeCompare(b.name ?? b.id)),
    people,
  };
}

/** A product of the scan the snapshot no longer has: named by its id. */
function unknownProduct(skuId: string): ReclaimProduct {
  return { skuId, skuPartNumber: skuId, displayName: skuId, hidden: false };
}

/**
 * The `reclaim` answer's view of a stored scan: per product, seats on disabled and inactive accounts
 * and how they are held, most first; the people only when `names` is `shown`.
 */
export function reclaimViewOf(scan: ReclaimScan, options: ReclaimViewOptions): ReclaimView {
  const bySku = new Map<string, ReclaimCandidate[]>();
  for (const candidate of scan.candidates) {
    const list = bySku.get(candidate.skuId) ?? [];
    list.push(candidate);
    bySku.set(candidate.skuId, list);
  }
  const known = new Map(options.products.map((product) => [product.skuId, product]));
  const answered: ReclaimProduct[] =
    options.query !== null
      ? [...options.products]
      : [...bySku.keys()].map((skuId) => known.get(skuId) ?? unknownProduct(skuId)).filter((product) => !product.hidden);
  const showNames = options.names === 'shown';
  const products = answered
    .map((product) => productViewOf(product, bySku.get(product.skuId) ?? [], scan, showNames))
    .sort((a, b) => b.disabled + (b.inactive ?? 0) - (a.disabled + (a.inactive ?? 0)) || a.name.localeCompare(b.name));
  return {
    asOf: scan.asOf,
    now: options.now,
    inactiveDays: scan.inactiveDays,
    inactiveUnknown: scan.inactiveUnknown,
    query: options.query,
    names: options.names,
    products,
  };
}
