import { AppPackageError } from './app-package-error';

const PLACEHOLDER = /\$\{\{([A-Za-z0-9_]+)\}\}/g;
const WHOLE_PLACEHOLDER = /^\$\{\{([A-Za-z0-9_]+)\}\}$/;
const OMIT = Symbol('omit');

/** Values for the `${{NAME}}` placeholders of a manifest template; unset or empty means "not given". */
export type TemplateValues = Readonly<Record<string, string | undefined>>;

/**
 * Fills every `${{NAME}}` placeholder in the strings of a parsed manifest template.
 *
 * An array item that is nothing but a placeholder for a value that is not given is left out (so
 * `"validDomains": ["${{BOT_DOMAIN}}"]` becomes no `validDomains` at all when BOT_DOMAIN is unset);
 * any other placeholder without a value is a problem. Values are inserted into parsed strings, never
 * into JSON text, so a value cannot change the manifest's structure.
 *
 * @throws AppPackageError naming each missing value and where the template uses it.
 */
export function fillManifestTemplate(template: unknown, values: TemplateValues): unknown {
  const missing = new Map<string, string[]>();
  const filled = fillNode(template, '', values, missing);
  if (missing.size > 0) {
    throw new AppPackageError(
      [...missing].map(([name, paths]) => `${name} is not set; the manifest template uses it at ${paths.join(', ')}`),
    );
  }
  return filled === OMIT ? undefined : filled;
}

function fillNode(node: unknown, path: string, values: TemplateValues, missing: Map<string, string[]>): unknown {
  if (typeof node === 'string') {
    return fillString(node, path, values, missing);
  }
  if (Array.isArray(node)) {
    const items = node
      .filter((item) => !isPlaceholderForUnsetValue(item, values))
      .map((item, index) => fillNode(item, `${path}/${index}`, values, missing));
    return node.length > 0 && items.length === 0 ? OMIT : items;
  }
  if (node !== null && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(node)) {
      const filled = fillNode(inner, `${path}/${key}`, values, missing);
      if (filled !== OMIT) {
        out[key] = filled;
      }
    }
    return out;
  }
  return node;
}

function fillString(text: string, path: string, values: TemplateValues, missing: Map<string, string[]>): string {
  return text.replace(PLACEHOLDER, (whole: string, name: string) => {
    const value = values[name];
    if (value === undefined || value === '') {
      missing.set(name, [...(missing.get(name) ?? []), path === '' ? '/' : path]);
      return whole;
    }
    return value;
  });
}

function isPlaceholderForUnsetValue(item: unknown, values: TemplateValues): boolean {
  if (typeof item !== 'string') {
    return false;
  }
  const name = WHOLE_PLACEHOLDER.exec(item)?.[1];
  return name !== undefined && (values[name] === undefined || values[name] === '');
}
