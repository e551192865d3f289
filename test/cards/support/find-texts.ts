/** A piece of displayed text and the element that carries it. */
export interface FoundText {
  type: 'TextBlock' | 'TextRun' | 'Action' | 'Fact';
  text: string;
  color?: string;
}

/** Every text a card shows, in document order: TextBlock and TextRun texts, a FactSet's titles and values, and action titles. */
export function findTexts(node: unknown, found: FoundText[] = []): FoundText[] {
  if (Array.isArray(node)) {
    for (const item of node) {
      findTexts(item, found);
    }
    return found;
  }
  if (typeof node !== 'object' || node === null) {
    return found;
  }
  const record = node as Record<string, unknown>;
  const color = typeof record.color === 'string' ? record.color : undefined;
  if ((record.type === 'TextBlock' || record.type === 'TextRun') && typeof record.text === 'string') {
    found.push({ type: record.type, text: record.text, color });
  }
  if (record.type === 'FactSet' && Array.isArray(record.facts)) {
    for (const fact of record.facts as unknown[]) {
      const { title, value } = (typeof fact === 'object' && fact !== null ? fact : {}) as Record<string, unknown>;
      for (const text of [title, value]) {
        if (typeof text === 'string') {
          found.push({ type: 'Fact', text });
        }
      }
    }
  }
  if (typeof record.type === 'string' && record.type.startsWith('Action.') && typeof record.title === 'string') {
    found.push({ type: 'Action', text: record.title });
  }
  for (const [key, value] of Object.entries(record)) {
    if (key !== 'data') {
      findTexts(value, found);
    }
  }
  return found;
}
