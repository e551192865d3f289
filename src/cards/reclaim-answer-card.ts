import { CARD_LIMITS } from './card-limits';
import { describeDataAge } from './describe-data-age';
import { formatCount } from './format-count';
import { formatQuantity } from './format-quantity';
import type { ReclaimPersonView, ReclaimProductView, ReclaimView } from './reclaim-view';
import type { StyledText } from './styled-text';
import { toDisplayText } from './to-display-text';

/** One person on the card (admins only); every string literal. */
export interface ReclaimAnswerPerson {
  name: string;
  upn: string;
  /** "Disabled · last sign-in 2026-03-02 · assigned directly". */
  details: string;
}

/** One product's section. */
export interface ReclaimAnswerProduct {
  name: string;
  partNumber: string;
  /** "7 on disabled accounts · 12 on accounts inactive for 90+ days"; attention when any. */
  counts: StyledText;
  /** "5 assigned directly", "3 through the group Sales Bundle": each line literal. */
  heldBy: string[];
  people: ReclaimAnswerPerson[];
  /** "and 12 more: ask …" when the list was cut; null otherwise. */
  morePeople: string | null;
}

/** Data for `cards/reclaim-answer.json`: the `reclaim` answer. */
export interface ReclaimAnswerCard {
  /** "All products" or "Asked about “e3”" (the query literal). */
  scope: string;
  /** "Scanned 3 hours ago" and the scan's time. */
  scanned: { line: string; asOf: string };
  /** What inactive means in this scan. */
  inactiveRule: string;
  /** Why inactive seats are unknown and what to grant; null when they were read. */
  inactiveUnknown: { text: string; detail: string } | null;
  /** Why names are left out; null when they are shown. */
  namesNote: string | null;
  /** True when no product answered has a seat to reclaim. */
  none: boolean;
  /** Good when nothing is to be reclaimed; a warning when only disabled accounts are known to hold nothing. */
  noneText: StyledText;
  products: ReclaimAnswerProduct[];
  /** "and 3 more products …" when products were cut; null otherwise. */
  moreProducts: string | null;
}

/**
 * Products on one card (the rest are counted), and the people and groups listed under the only product
 * answered or under each of several. Every name at its longest keeps the card under Teams' 28 KB.
 */
const PRODUCTS = 5;
const PEOPLE_ONE_PRODUCT = 25;
const PEOPLE_PER_PRODUCT = 3;
const GROUPS_ONE_PRODUCT = 5;
const GROUPS_PER_PRODUCT = 3;
/** A person's name, sign-in name and the group named on their line are cut shorter than product names: 25 of them share a card. */
const PERSON_NAME_LENGTH = 64;
const UPN_LENGTH = 80;
const PERSON_GROUP_LENGTH = 60;
const DETAIL_LENGTH = 300;
/** Part numbers are short (SPE_E3); a SKU id shown in their place is 36 characters. */
const PART_NUMBER_LENGTH = 40;

/** What to tell an admin when inactive seats are unknown, by reason. */
export function inactiveUnknownAdvice(reason: NonNullable<ReclaimView['inactiveUnknown']>['reason']): string {
  switch (reason) {
    case 'permission':
      return 'Seats on inactive accounts are unknown: Headroom\'s app lacks the Microsoft Graph application permission AuditLog.Read.All, which sign-in activity needs. Grant it with admin consent (the tenant also needs Microsoft Entra ID P1 or P2); the next scan then finds them.';
    case 'premium-license':
      return 'Seats on inactive accounts are unknown: sign-in activity needs Microsoft Entra ID P1 or P2 in this tenant, and Graph says it has neither. With one of them, the next scan finds them.';
    case 'read-failed':
      return 'Seats on inactive accounts are unknown: the scan could not read sign-in activity this time. The next scan tries again.';
  }
}

function inactiveWords(days: number): string {
  return `accounts inactive for ${formatCount(days)}+ days`;
}

function describeCounts(product: ReclaimProductView, inactiveDays: number): StyledText {
  const disabled = `${formatQuantity(product.disabled, 'seat')} on disabled accounts`;
  const inactive = product.inactive === null ? `unknown on ${inactiveWords(inactiveDays)}` : `${formatCount(product.inactive)} on ${inactiveWords(inactiveDays)}`;
  const any = product.disabled > 0 || (product.inactive ?? 0) > 0;
  // Nothing on disabled accounts is not "all clear" while inactive ones are unknown.
  return { text: `${disabled} · ${inactive}`, color: any ? 'attention' : product.inactive === null ? 'warning' : 'good' };
}

function groupName(group: { id: string; name: string | null }, maxLength: number = CARD_LIMITS.nameLength): string {
  return group.name === null ? `a group without a name (${group.id})` : `the group ${toDisplayText(group.name, maxLength, group.id)}`;
}

function describeHeldBy(product: ReclaimProductView, groupLimit: number): string[] {
  const lines: string[] = [];
  if (product.direct > 0) {
    lines.push(`${formatCount(product.direct)} assigned directly: removing the license from the account frees the seat`);
  }
  for (const group of product.groups.slice(0, groupLimit)) {
    lines.push(`${formatCount(group.seats)} through ${groupName(group)}: take the users out of the group to free them`);
  }
  const rest = product.groups.length - groupLimit;
  if (rest > 0) {
    lines.push(`and ${formatQuantity(rest, 'more group')}`);
  }
  return lines;
}

/**
 * The last sign-in as a date and an age. A missing one means "never" only for an inactive account (the
 * sign-in read found it); for a disabled account it may simply not have been read.
 */
function describeSignIn(lastSignIn: string | null, reason: ReclaimPersonView['reason'], now: Date): string {
  if (lastSignIn === null || Number.isNaN(Date.parse(lastSignIn))) {
    return reason === 'inactive' ? 'no sign-in recorded' : 'last sign-in not known';
  }
  const iso = new Date(Date.parse(lastSignIn)).toISOString();
  return `last sign-in ${iso.slice(0, 10)} (${describeDataAge(lastSignIn, now)})`;
}

function describePerson(person: ReclaimPersonView, now: Date): ReclaimAnswerPerson {
  const reason = person.reason === 'disabled' ? 'Disabled' : 'Inactive';
  const held = person.heldBy === 'direct' ? 'assigned directly' : `through ${groupName(person.heldBy, PERSON_GROUP_LENGTH)}`;
  return {
    name: toDisplayText(person.displayName, PERSON_NAME_LENGTH, '(no name)'),
    upn: toDisplayText(person.userPrincipalName, UPN_LENGTH, '(no sign-in name)'),
    details: toDisplayText(`${reason} · ${describeSignIn(person.lastSignIn, person.reason, now)} · ${held}`, DETAIL_LENGTH, reason),
  };
}

function buildProduct(product: ReclaimProductView, view: ReclaimView): ReclaimAnswerProduct {
  const only = view.products.length === 1;
  const peopleLimit = only ? PEOPLE_ONE_PRODUCT : PEOPLE_PER_PRODUCT;
  const people = product.people.slice(0, peopleLimit).map((person) => describePerson(person, view.now));
  const rest = product.people.length - people.length;
  return {
    name: toDisplayText(product.name, CARD_LIMITS.nameLength, product.partNumber),
    partNumber: toDisplayText(product.partNumber, PART_NUMBER_LENGTH, ''),
    counts: describeCounts(product, view.inactiveDays),
    heldBy: describeHeldBy(product, only ? GROUPS_ONE_PRODUCT : GROUPS_PER_PRODUCT),
    people,
    morePeople: rest > 0 ? `and ${formatQuantity(rest, 'more account')}${only ? '' : `: ask "reclaim ${product.partNumber}" for up to ${PEOPLE_ONE_PRODUCT}`}; GET /api/v1/reclaim lists them all.` : null,
  };
}

function namesNote(names: ReclaimView['names']): string | null {
  switch (names) {
    case 'shown':
      return null;
    case 'not-admin':
      return 'Only counts are shown: the names of these accounts are personal data, so Headroom shows them to its admins only.';
    case 'admin-check-failed':
      return 'Only counts are shown: I couldn\'t check whether you are a Headroom admin, so names are left out.';
    case 'shared-conversation':
      return 'Only counts are shown here: everyone in this conversation would read the names, which are personal data. Headroom admins see them when they ask me in a personal chat.';
  }
}

function hasSeats(product: ReclaimProductView): boolean {
  return product.disabled > 0 || (product.inactive ?? 0) > 0;
}

/** Builds the `reclaim` answer: per product, seats on disabled and inactive accounts, how they are held, and, for admins, who holds them. */
export function buildReclaimAnswerCard(view: ReclaimView): ReclaimAnswerCard {
  const shown = view.products.slice(0, PRODUCTS);
  const restProducts = view.products.length - shown.length;
  const iso = new Date(Date.parse(view.asOf)).toISOString();
  const inactiveUnknown = view.inactiveUnknown;
  const none = !view.products.some(hasSeats);
  const unknownTail = inactiveUnknown === null ? '' : ' (seats on inactive accounts are unknown, see above)';
  return {
    scope: view.query === null ? 'All products' : `Asked about “${toDisplayText(view.query, CARD_LIMITS.queryLength, '')}”`,
    scanned: { line: `Scanned ${describeDataAge(view.asOf, view.now)}`, asOf: `As of ${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` },
    inactiveRule: `Inactive: an enabled account with no successful sign-in for ${formatQuantity(view.inactiveDays, 'day')} or more, created before that.`,
    inactiveUnknown:
      inactiveUnknown === null ? null : { text: inactiveUnknownAdvice(inactiveUnknown.reason), detail: toDisplayText(inactiveUnknown.detail, DETAIL_LENGTH, '') },
    namesNote: namesNote(view.names),
    none,
    noneText: {
      text:
        view.query === null
          ? `No product has seats on disabled accounts${inactiveUnknown === null ? ' or on inactive ones' : ''}${unknownTail}.`
          : `No seats of this product are on disabled accounts${inactiveUnknown === null ? ' or on inactive ones' : ''}${unknownTail}.`,
      color: inactiveUnknown === null ? 'good' : 'warning',
    },
    products: shown.map((product) => buildProduct(product, view)),
    moreProducts: restProducts > 0 ? `and ${formatQuantity(restProducts, 'more product')} with seats to reclaim; ask for one by name, e.g. "reclaim E3".` : null,
  };
}

/** The answer in one plain-text line, never with names: "Seats to reclaim (scanned 3 hours ago): Microsoft 365 E3: 7 disabled, 12 inactive; …". */
export function summarizeReclaimAnswer(view: ReclaimView): string {
  const age = `scanned ${describeDataAge(view.asOf, view.now)}`;
  const withSeats = view.products.filter(hasSeats);
  if (withSeats.length === 0) {
    const inactive = view.inactiveUnknown === null ? ' or inactive' : '; seats on inactive accounts are unknown';
    return `Seats to reclaim (${age}): none on disabled${inactive}.`;
  }
  const items = withSeats.slice(0, 3).map((product) => {
    const inactive = product.inactive === null ? 'inactive unknown' : `${formatCount(product.inactive)} inactive`;
    return `${toDisplayText(product.name, CARD_LIMITS.nameLength, product.partNumber)}: ${formatCount(product.disabled)} disabled, ${inactive}`;
  });
  const tail = withSeats.length > items.length ? `; and ${formatQuantity(withSeats.length - items.length, 'more product')}` : '';
  return `Seats to reclaim (${age}): ${items.join('; ')}${tail}.`;
}
