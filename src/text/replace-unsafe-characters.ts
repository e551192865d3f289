import { findUnsafeCharacter } from './find-unsafe-character';

const REPLACEMENT = '\uFFFD';

/**
 * The string with every character that breaks the text rule (see `findUnsafeCharacter`) replaced by
 * U+FFFD, for free text such as chat messages that is answered rather than refused. Linear in the
 * length of the string.
 */
export function replaceUnsafeCharacters(text: string): string {
  const parts: string[] = [];
  let start = 0;
  for (let found = findUnsafeCharacter(text); found !== null; found = findUnsafeCharacter(text, start)) {
    parts.push(text.slice(start, found.index), REPLACEMENT);
    start = found.index + 1;
  }
  parts.push(text.slice(start));
  return parts.join('');
}
