import * as AdaptiveCards from 'adaptivecards/dist/adaptivecards.js';
import type { SerializableObject } from 'adaptivecards';
import { checkTeamsLineChart } from './check-teams-chart';

/** Texts the real library was asked to render as Markdown; rendering needs a DOM, so parsing alone leaves it empty. */
export const markdownRequests: string[] = [];

AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
  markdownRequests.push(text);
  result.outputHtml = text;
  result.didProcess = true;
};

/** Child collections the library parses itself rather than through a property schema. */
const COLLECTIONS: Record<string, readonly string[]> = {
  AdaptiveCard: ['body', 'actions', 'msteams'],
  Container: ['items'],
  Column: ['items'],
  ColumnSet: ['columns'],
  RichTextBlock: ['inlines'],
  ActionSet: ['actions'],
};

function instanceOf(type: string): SerializableObject | undefined {
  const version = AdaptiveCards.Versions.v1_5;
  switch (type) {
    case 'AdaptiveCard':
      return new AdaptiveCards.AdaptiveCard();
    case 'Column':
      return new AdaptiveCards.Column();
    case 'TextRun':
      return new AdaptiveCards.TextRun();
    default:
      return (
        AdaptiveCards.GlobalRegistry.elements.createInstance(type, version) ??
        AdaptiveCards.GlobalRegistry.actions.createInstance(type, version)
      );
  }
}

function propertyNames(object: SerializableObject): Set<string> {
  const schema = object.getSchema();
  const names = new Set<string>();
  for (let index = 0; index < schema.getCount(); index += 1) {
    names.add(schema.getItemAt(index).name);
  }
  return names;
}

function findUnknownProperties(node: unknown, where: string, problems: string[]): void {
  if (Array.isArray(node)) {
    node.forEach((item, index) => findUnknownProperties(item, `${where}[${index}]`, problems));
    return;
  }
  if (typeof node !== 'object' || node === null) {
    return;
  }
  const record = node as Record<string, unknown>;
  const type = record.type;
  if (typeof type !== 'string') {
    problems.push(`${where}: object without a type`);
    return;
  }
  if (type === 'Chart.Line') {
    // Teams' chart elements are unknown to the library; check them against the Teams chart schema and
    // hold their fallback to the library's rules.
    problems.push(...checkTeamsLineChart(record, where));
    if (typeof record.fallback === 'object') {
      findUnknownProperties(record.fallback, `${where}.fallback`, problems);
    }
    return;
  }
  const instance = instanceOf(type);
  if (instance === undefined) {
    problems.push(`${where}: unknown type ${type}`);
    return;
  }
  const known = propertyNames(instance);
  const collections = COLLECTIONS[type] ?? [];
  for (const [key, value] of Object.entries(record)) {
    if (key === 'fallback') {
      // The library parses `fallback` itself (an element or action, or "drop"), for every element and action.
      if (value !== 'drop') {
        findUnknownProperties(value, `${where}.fallback`, problems);
      }
    } else if (collections.includes(key)) {
      if (key !== 'msteams') {
        findUnknownProperties(value, `${where}.${key}`, problems);
      }
    } else if (!known.has(key)) {
      problems.push(`${where}: ${type} has no property ${key}`);
    }
  }
}

/** What the library says about a Chart.Line; every chart Headroom sends has a fallback (checked above). */
export const CHART_FALLBACK_WARNING = 'Unknown element type "Chart.Line". Fallback will be used if present.';

/**
 * Everything the real Adaptive Cards library (and a stricter property check) finds wrong with a card:
 * parse events (unknown types, invalid values), validation failures, properties no element has, and a
 * version other than 1.5. Empty when the card is sound.
 */
export function checkAdaptiveCard(card: unknown): string[] {
  const problems: string[] = [];
  const parsed = new AdaptiveCards.AdaptiveCard();
  const context = new AdaptiveCards.SerializationContext();
  parsed.parse(card, context);
  for (let index = 0; index < context.eventCount; index += 1) {
    const message = context.getEventAt(index).message;
    // The one expected warning: the library does not know Teams' Chart.Line and renders its fallback.
    if (message !== CHART_FALLBACK_WARNING) {
      problems.push(`parse: ${message}`);
    }
  }
  for (const event of parsed.validateProperties().validationEvents) {
    problems.push(`validate: ${event.message}`);
  }
  findUnknownProperties(card, 'card', problems);
  if (typeof card === 'object' && card !== null && (card as Record<string, unknown>).version !== '1.5') {
    problems.push('version is not 1.5');
  }
  return problems;
}
