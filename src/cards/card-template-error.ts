/** A card template is missing, unreadable or expands to something that is not an Adaptive Card: a bug. */
export class CardTemplateError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}
