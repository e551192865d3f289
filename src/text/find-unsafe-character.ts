/** Where a string breaks Headroom's text rule, and how to name the character in an error message. */
export interface UnsafeCharacter {
  /** The UTF-16 index of the offending code unit. */
  index: number;
  /** For example "U+0000 (a control character)" or "U+D800 (a lone surrogate)". */
  description: string;
}

const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

function hex(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Headroom's one text rule for input it stores or compares: no C0 control characters other than tab,
 * line feed and carriage return (PostgreSQL refuses NUL outright, and the others are never meant), and
 * no lone UTF-16 surrogates (they have no UTF-8 form, so SQLite would store invalid UTF-8 and PostgreSQL
 * a replacement character). Returns the first character at or after `from` that breaks the rule, or
 * null. Linear in the length of the string.
 */
export function findUnsafeCharacter(text: string, from = 0): UnsafeCharacter | null {
  for (let index = from; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x20 && code !== TAB && code !== LINE_FEED && code !== CARRIAGE_RETURN) {
      return { index, description: `${hex(code)} (a control character)` };
    }
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        index += 1;
        continue;
      }
      return { index, description: `${hex(code)} (a lone surrogate)` };
    }
    if (code >= 0xdc00 && code <= 0xdfff) {
      return { index, description: `${hex(code)} (a lone surrogate)` };
    }
  }
  return null;
}
