/** Line breaks, tabs and other control characters: a name is shown on one line. */
const CONTROL_RUNS = /[\p{Cc}\u2028\u2029]+/gu;
/** U+2060 WORD JOINER: invisible, and not a place where a line may break. */
const WORD_JOINER = '\u2060';

/**
 * Prepares a string that came from the tenant or the user (a product, group or tenant name, a
 * query) for a card or a summary. Templates put such strings only in TextRuns, which clients never
 * read as Markdown, and templating never expands `${...}` found in data, so the text is kept as it
 * is, except that:
 * - control characters and line breaks become one space, and the ends are trimmed;
 * - text longer than `maxLength` characters is cut, ending in "…";
 * - `{{` gets an invisible word joiner between the braces, because Adaptive Card clients rewrite
 *   `{{DATE(...)}}` and `{{TIME(...)}}` even inside a TextRun;
 * - an empty result becomes `fallback`.
 */
export function toDisplayText(value: string, maxLength: number, fallback = '(no name)'): string {
  const flat = value.replace(CONTROL_RUNS, ' ').trim();
  if (flat === '') {
    return fallback;
  }
  const characters = Array.from(flat);
  const cut = characters.length > maxLength ? `${characters.slice(0, Math.max(1, maxLength - 1)).join('').trimEnd()}…` : flat;
  return cut.replace(/\{(?=\{)/g, `{${WORD_JOINER}`);
}
