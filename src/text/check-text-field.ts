import { findUnsafeCharacter } from './find-unsafe-character';

/**
 * Why a field's text breaks the text rule, as a sentence part naming the field and the character
 * ("\"reason\" contains U+0000 (a control character) at position 2"), or null when it is fine.
 */
export function checkTextField(text: string, field: string): string | null {
  const found = findUnsafeCharacter(text);
  return found === null ? null : `"${field}" contains ${found.description} at position ${found.index + 1}, which Headroom does not accept`;
}
