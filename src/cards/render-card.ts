import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Template } from 'adaptivecards-templating';
import type { AdaptiveCardJson } from './adaptive-card-json';
import type { CardDataByTemplate, CardTemplateName } from './card-data-by-template';
import { CardTemplateError } from './card-template-error';

const templates = new Map<CardTemplateName, Template>();
/** Recently expanded cards as JSON, by template name and data JSON; the same answer is asked for again and again. */
const expanded = new Map<string, string>();
const MAX_EXPANDED = 100;
let templateDirectory: string | undefined;

/** `cards/` at the repository root: two levels up from src/cards, three from a build in dist/src/cards. */
function findTemplateDirectory(): string {
  if (templateDirectory === undefined) {
    const candidates = [path.resolve(__dirname, '..', '..', 'cards'), path.resolve(__dirname, '..', '..', '..', 'cards')];
    const found = candidates.find((candidate) => existsSync(path.join(candidate, 'help.json')));
    if (found === undefined) {
      throw new CardTemplateError(`Card templates not found; looked in ${candidates.join(' and ')}`);
    }
    templateDirectory = found;
  }
  return templateDirectory;
}

function loadTemplate(name: CardTemplateName): Template {
  const cached = templates.get(name);
  if (cached !== undefined) {
    return cached;
  }
  const file = path.join(findTemplateDirectory(), `${name}.json`);
  let payload: unknown;
  try {
    payload = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CardTemplateError(`Card template ${name} could not be read from ${file}`, { cause: error });
  }
  const template = new Template(payload);
  templates.set(name, template);
  return template;
}

function isAdaptiveCard(value: unknown): value is AdaptiveCardJson {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const card = value as Record<string, unknown>;
  return card.type === 'AdaptiveCard' && typeof card.version === 'string' && Array.isArray(card.body);
}

/**
 * Expands the template `cards/<templateName>.json` with `data` (adaptivecards-templating, data as
 * `$root`). Templates are read once and cached, and so are recently expanded cards (each call still
 * returns a card of its own). Values in `data` are never expanded themselves, so a
 * tenant string containing `${...}` stays literal.
 */
export function renderCard<Name extends CardTemplateName>(templateName: Name, data: CardDataByTemplate[Name]): AdaptiveCardJson {
  const key = `${templateName}\n${JSON.stringify(data)}`;
  const cached = expanded.get(key);
  if (cached !== undefined) {
    // Refreshes the entry's place in the insertion order, so the least recently used goes first.
    expanded.delete(key);
    expanded.set(key, cached);
    return JSON.parse(cached) as AdaptiveCardJson;
  }
  const card = expandTemplate(templateName, data);
  expanded.set(key, JSON.stringify(card));
  if (expanded.size > MAX_EXPANDED) {
    const oldest = expanded.keys().next();
    if (oldest.done !== true) {
      expanded.delete(oldest.value);
    }
  }
  return card;
}

function expandTemplate<Name extends CardTemplateName>(templateName: Name, data: CardDataByTemplate[Name]): AdaptiveCardJson {
  const template = loadTemplate(templateName);
  let card: unknown;
  try {
    card = template.expand({ $root: data });
  } catch (error) {
    throw new CardTemplateError(`Card template ${templateName} could not be expanded`, { cause: error });
  }
  if (!isAdaptiveCard(card)) {
    throw new CardTemplateError(`Card template ${templateName} did not expand to an Adaptive Card`);
  }
  return card;
}
