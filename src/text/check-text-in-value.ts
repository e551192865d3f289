import { checkTextField } from './check-text-field';

/** How deep `checkTextInValue` looks; card data and API bodies are a level or two deep. */
const MAX_DEPTH = 8;

/**
 * The first string (or object key) inside a JSON value that breaks the text rule, as a sentence part
 * naming its path ("\"data.reason\" contains U+0000 …"), or null when every string is fine. The walk
 * is bounded: values nested deeper than a few levels count as a problem too.
 */
export function checkTextInValue(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') {
    return checkTextField(value, path);
  }
  if (typeof value !== 'object' || value === null) {
    return null;
  }
  if (depth >= MAX_DEPTH) {
    return `"${path}" is nested more than ${MAX_DEPTH} levels deep`;
  }
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((item, index) => [String(index), item]) : Object.entries(value);
  for (const [key, item] of entries) {
    const itemPath = `${path}.${key}`;
    const problem = checkTextField(key, itemPath) ?? checkTextInValue(item, itemPath, depth + 1);
    if (problem !== null) {
      return problem;
    }
  }
  return null;
}
