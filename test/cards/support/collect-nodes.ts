/** A JSON object inside a card. */
export type CardNode = Record<string, unknown>;

/** Every object in a card's JSON tree (elements, actions, their data) that `match` accepts, in document order. */
export function collectNodes(node: unknown, match: (value: CardNode) => boolean, found: CardNode[] = []): CardNode[] {
  if (Array.isArray(node)) {
    node.forEach((item) => collectNodes(item, match, found));
  } else if (typeof node === 'object' && node !== null) {
    const record = node as CardNode;
    if (match(record)) {
      found.push(record);
    }
    Object.values(record).forEach((value) => collectNodes(value, match, found));
  }
  return found;
}
