import type { SkuFigures } from '../licenses/sku-figures';
import { buildCardFreshness, type CardFreshness } from './card-freshness';
import { CARD_LIMITS } from './card-limits';
import { formatCount } from './format-count';
import { formatQuantity } from './format-quantity';
import type { StyledText } from './styled-text';
import { toDisplayText } from './to-display-text';

/**
 * The arithmetic of one pre-flight check, as the holds feature worked it out (`checkPreflight`): the card
 * only words it.
 */
export interface PreflightCheck {
  /** purchased − assigned; negative when over-assigned. */
  available: number;
  /** Seats under active holds taken by automation. */
  held: number;
  /** available − held; negative when holds exceed available. */
  unheld: number;
  /** unheld − quantity: seats left after assigning, negative when short. */
  after: number;
  fits: boolean;
}

/** One matching SKU with its check. */
export interface PreflightProduct {
  sku: SkuFigures;
  check: PreflightCheck;
}

/** One labelled figure of a pre-flight answer: "Unheld (available − held)" / "17". */
export interface PreflightFigureRow {
  label: string;
  value: StyledText;
}

/** Whether the asked-for seats fit into one SKU, with the numbers behind the answer. */
export interface PreflightSection {
  /** Product name, literal. */
  name: string;
  /** The SKU part number, literal. */
  partNumber: string;
  /** "Yes: 20 seats fit" in good colour, or "No: 17 seats short" in attention colour. */
  verdict: StyledText;
  figures: PreflightFigureRow[];
  /** Users already waiting for the SKU, who may take freed seats first; null when none wait. */
  caution: string | null;
}

/** Data for `cards/preflight.json`: the answer to "can I assign 20 E3?". */
export interface PreflightCard {
  freshness: CardFreshness;
  /** "Can I assign 20 seats of". */
  questionLead: string;
  /** What the user asked about, literal. */
  query: string;
  products: PreflightSection[];
  /** "and 3 more matching products…" when sections were cut; otherwise null. */
  more: string | null;
  /** That the check held nothing, and how automation holds seats. */
  note: string;
}

/** When the figures were read. */
export interface PreflightMeta {
  /** ISO-8601 time the snapshot was taken. */
  asOf: string;
  now: Date;
  /** Graph could not be read; the figures are the last known ones. */
  stale: boolean;
  /** A figure is unknown for want of a Graph permission: said first, as a warning. */
  notice?: string | null;
}

const NOTE = 'A check only: no seats were held. Scripts that assign licenses should hold seats through the Headroom API first.';

function verdictOf(check: PreflightCheck, quantity: number): StyledText {
  if (check.fits) {
    return { text: `Yes: ${formatQuantity(quantity, 'seat')} ${quantity === 1 ? 'fits' : 'fit'}`, color: 'good' };
  }
  return { text: `No: ${formatQuantity(-check.after, 'seat')} short`, color: 'attention' };
}

function figureRowsOf(check: PreflightCheck, quantity: number): PreflightFigureRow[] {
  return [
    {
      label: 'Available',
      value:
        check.available < 0
          ? { text: `Over-assigned by ${formatCount(-check.available)}`, color: 'attention' }
          : { text: formatCount(check.available), color: 'default' },
    },
    { label: 'Seats on hold', value: { text: `${formatCount(check.held)} held by automation`, color: 'default' } },
    {
      label: 'Unheld (available − held)',
      value:
        check.unheld < 0
          ? { text: `None: holds exceed available by ${formatCount(-check.unheld)}`, color: 'attention' }
          : { text: formatCount(check.unheld), color: check.unheld === 0 ? 'warning' : 'default' },
    },
    {
      label: `After assigning ${formatCount(quantity)}`,
      value: check.after < 0 ? { text: `${formatCount(-check.after)} short`, color: 'attention' } : { text: `${formatCount(check.after)} left`, color: 'good' },
    },
  ];
}

function sectionOf({ sku, check }: PreflightProduct, quantity: number): PreflightSection {
  return {
    name: toDisplayText(sku.displayName, CARD_LIMITS.nameLength, sku.skuPartNumber),
    partNumber: toDisplayText(sku.skuPartNumber, CARD_LIMITS.nameLength, sku.skuId),
    verdict: verdictOf(check, quantity),
    figures: figureRowsOf(check, quantity),
    caution:
      sku.waiting === null
        ? 'Whether users already wait for this product is unknown (a Graph permission is missing); group-based licensing may give waiting users freed seats first.'
        : sku.waiting > 0
          ? `${formatQuantity(sku.waiting, 'user is', 'users are')} already waiting for this product; group-based licensing may give them freed seats first.`
          : null,
  };
}

/**
 * Builds the answer to "can I assign N X?": for each matching SKU (at most
 * {@link CARD_LIMITS.productSections}, in the order given) whether `quantity` seats fit into the
 * unheld seats (available − held by automation), with the numbers of its check.
 */
export function buildPreflightCard(quantity: number, query: string, products: readonly PreflightProduct[], meta: PreflightMeta): PreflightCard {
  const rest = products.length - CARD_LIMITS.productSections;
  return {
    freshness: buildCardFreshness(meta.asOf, meta.now, meta.stale, meta.notice ?? null),
    questionLead: `Can I assign ${formatQuantity(quantity, 'seat')} of`,
    query: toDisplayText(query, CARD_LIMITS.queryLength, '(empty)'),
    products: products.slice(0, CARD_LIMITS.productSections).map((product) => sectionOf(product, quantity)),
    more: rest > 0 ? `and ${formatQuantity(rest, 'more matching product')}; ask more precisely to see them.` : null,
    note: NOTE,
  };
}

/**
 * The answer in plain text, one clause per SKU: "Microsoft 365 E3: no, 3 unheld (3 available, 0 held),
 * 17 short; Office 365 E3: yes, 466 unheld (466 available, 0 held), 446 left after assigning 20".
 */
export function summarizePreflight(quantity: number, products: readonly PreflightProduct[]): string {
  if (products.length === 0) {
    return 'No matching products.';
  }
  const shown = products.slice(0, CARD_LIMITS.productSections).map(({ sku, check }) => {
    const name = toDisplayText(sku.displayName, CARD_LIMITS.nameLength, sku.skuPartNumber);
    const unheld = check.unheld < 0 ? 'none unheld' : `${formatCount(check.unheld)} unheld`;
    const available = check.available < 0 ? `over-assigned by ${formatCount(-check.available)}` : `${formatCount(check.available)} available`;
    const numbers = `${unheld} (${available}, ${formatCount(check.held)} held)`;
    return check.fits
      ? `${name}: yes, ${numbers}, ${formatCount(check.after)} left after assigning ${formatCount(quantity)}`
      : `${name}: no, ${numbers}, ${formatCount(-check.after)} short`;
  });
  const rest = products.length - shown.length;
  return rest > 0 ? `${shown.join('; ')}; and ${formatQuantity(rest, 'more product')}` : shown.join('; ');
}
