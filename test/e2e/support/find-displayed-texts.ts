/** What a card's JSON says a person should see once it is rendered. */
export interface DisplayedTexts {
  /** TextBlock and TextRun texts, fact titles and values. */
  texts: string[];
  /** Titles of the card's top-level and ActionSet actions. */
  actionTitles: string[];
}

/** Properties whose contents a renderer never shows: action payloads, Teams options, the Universal Actions refresh. */
const HIDDEN_KEYS = ['data', 'msteams', 'selectAction', 'refresh', 'authentication', 'metadata'];

/**
 * The texts and action titles of `card` that a renderer must show: everything except what sits
 * under `isVisible: false`, inside an Action.ShowCard, in action `data` or in the card's `refresh`.
 */
export function findDisplayedTexts(card: unknown): DisplayedTexts {
  const found: DisplayedTexts = { texts: [], actionTitles: [] };
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) {
        visit(item);
      }
      return;
    }
    if (typeof node !== 'object' || node === null) {
      return;
    }
    const record = node as Record<string, unknown>;
    if (record.isVisible === false) {
      return;
    }
    const type = typeof record.type === 'string' ? record.type : '';
    if ((type === 'TextBlock' || type === 'TextRun') && typeof record.text === 'string' && record.text.trim() !== '') {
      found.texts.push(record.text);
    }
    if (type === '' && typeof record.title === 'string' && typeof record.value === 'string') {
      found.texts.push(record.title, record.value);
    }
    if (type.startsWith('Action.')) {
      if (typeof record.title === 'string') {
        found.actionTitles.push(record.title);
      }
      return;
    }
    for (const [key, value] of Object.entries(record)) {
      if (!HIDDEN_KEYS.includes(key)) {
        visit(value);
      }
    }
  };
  visit(card);
  return found;
}
