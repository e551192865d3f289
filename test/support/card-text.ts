/** Every text a card shows (TextBlock text, TextRun text, fact titles and values, action titles), in order. */
export function cardTexts(node: unknown): string[] {
  const texts: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (typeof value !== 'object' || value === null) {
      return;
    }
    const record = value as Record<string, unknown>;
    for (const key of ['text', 'title', 'value']) {
      if (typeof record[key] === 'string') {
        texts.push(record[key]);
      }
    }
    Object.values(record).forEach(visit);
  };
  visit(node);
  return texts;
}

/** The card's texts joined by single spaces, for matching sentences. */
export function cardText(node: unknown): string {
  return cardTexts(node).join(' ');
}
