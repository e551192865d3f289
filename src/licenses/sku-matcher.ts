import type { SkuFigures } from './sku-figures';

/** What a product query found among the tenant's SKUs. */
export interface SkuMatch {
  matches: SkuFigures[];
  /** Up to 3 display names close to the query, only when nothing matched. */
  suggestions: string[];
}

/** Shorthands admins type, expanded on both sides before words are compared. */
const ALIASES: ReadonlyMap<string, readonly string[]> = new Map([
  ['m365', ['microsoft', '365']],
  ['o365', ['office', '365']],
]);

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const MAX_SUGGESTIONS = 3;
/** Below this similarity (0..1) a name is not worth suggesting. */
const MIN_SUGGESTION_SCORE = 0.5;
/** Shorter query words must be whole words: "e3" must not find "E365". */
const MIN_PREFIX_LENGTH = 3;

function toWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '')
    .flatMap((word) => ALIASES.get(word) ?? [word]);
}

/**
 * The text in lower case without the punctuation and spaces at either end. A scan from both ends, not a
 * `[^…]+$` pattern, which backtracks quadratically over a long run of punctuation.
 */
function stripEdges(text: string): string {
  const characters = Array.from(text.toLowerCase());
  let start = 0;
  while (start < characters.length && !LETTER_OR_DIGIT.test(characters[start] ?? '')) {
    start += 1;
  }
  let end = characters.length;
  while (end > start && !LETTER_OR_DIGIT.test(characters[end - 1] ?? '')) {
    end -= 1;
  }
  return characters.slice(start, end).join('');
}

function sameIdentifier(query: string, value: string): boolean {
  const raw = value.trim().toLowerCase();
  return raw !== '' && (raw === query.trim().toLowerCase() || stripEdges(raw) === stripEdges(query));
}

function wordMatches(queryWord: string, nameWords: readonly string[]): boolean {
  return nameWords.some(
    (nameWord) => nameWord === queryWord || (queryWord.length >= MIN_PREFIX_LENGTH && nameWord.startsWith(queryWord)),
  );
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((word, i) => word === b[i]);
}

/** Levenshtein distance: insertions, deletions and substitutions each cost 1. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
}

function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 0 : 1 - editDistance(a, b) / longest;
}

/** How close a SKU is to a query that matched nothing: the best of word-by-word and part-number similarity. */
function closeness(queryWords: readonly string[], query: string, sku: SkuFigures): { score: number; whole: number } {
  const nameWords = toWords(sku.displayName);
  const perWord = queryWords.map((queryWord) =>
    Math.max(0, ...nameWords.map((nameWord) => (nameWord.startsWith(queryWord) ? 1 : similarity(queryWord, nameWord)))),
  );
  const wordScore = perWord.reduce((sum, score) => sum + score, 0) / perWord.length;
  const partScore = similarity(stripEdges(query), sku.skuPartNumber.trim().toLowerCase());
  return { score: Math.max(wordScore, partScore), whole: similarity(queryWords.join(' '), nameWords.join(' ')) };
}

function suggest(queryWords: readonly string[], query: string, skus: readonly SkuFigures[]): string[] {
  const ranked = skus
    .map((sku) => ({ name: sku.displayName, ...closeness(queryWords, query, sku) }))
    .filter((candidate) => candidate.score >= MIN_SUGGESTION_SCORE)
    .sort((a, b) => b.score - a.score || b.whole - a.whole || a.name.localeCompare(b.name, 'en'));
  return [...new Set(ranked.map((candidate) => candidate.name))].slice(0, MAX_SUGGESTIONS);
}

/**
 * Finds the tenant's SKUs a product query names. Only `skus` are searched, hidden ones included.
 *
 * 1. A GUID, or a full part number ("SPE_E3", any case), selects exactly the SKUs with that id.
 * 2. Otherwise the query is split into words (case and punctuation ignored, `m365` read as
 *    "microsoft 365" and `o365` as "office 365"). A SKU matches when every query word is a word of
 *    its display name, a prefix of one (for query words of 3+ characters), or its whole part number.
 *    So "e3" finds Microsoft 365 E3, Office 365 E3 and Enterprise Mobility + Security E3; "m365 e3"
 *    only Microsoft 365 E3; "ems e3" Enterprise Mobility + Security E3 (part number EMS).
 * 3. Among the word matches, visible SKUs win over hidden ones (a muted or free SKU is found only
 *    when nothing visible matches), and SKUs whose whole name is the query win over longer names
 *    ("microsoft 365 e3" does not also return "Microsoft 365 E3 (no Teams)").
 *
 * Matches keep the order of `skus`. When nothing matches, `suggestions` holds up to 3 distinct
 * display names closest to the query by edit distance per word. An empty query finds nothing.
 */
export function matchSkus(query: string, skus: readonly SkuFigures[]): SkuMatch {
  const queryWords = toWords(query);
  if (queryWords.length === 0) {
    return { matches: [], suggestions: [] };
  }

  const identifier = stripEdges(query);
  const byId = GUID.test(identifier)
    ? skus.filter((sku) => sku.skuId.toLowerCase() === identifier)
    : skus.filter((sku) => sameIdentifier(query, sku.skuPartNumber));
  if (byId.length > 0) {
    return { matches: byId, suggestions: [] };
  }

  const byWords = skus.filter((sku) => {
    const nameWords = toWords(sku.displayName);
    const part = sku.skuPartNumber.trim().toLowerCase();
    return queryWords.every((word) => word === part || wordMatches(word, nameWords));
  });
  const visible = byWords.filter((sku) => !sku.hidden);
  const candidates = visible.length > 0 ? visible : byWords;
  const exact = candidates.filter((sku) => sameWords(toWords(sku.displayName), queryWords));
  const matches = exact.length > 0 ? exact : candidates;
  if (matches.length > 0) {
    return { matches, suggestions: [] };
  }
  return { matches: [], suggestions: suggest(queryWords, query, skus) };
}
