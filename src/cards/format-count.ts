const COUNT_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Formats a whole number for a card or summary: 1234 -> "1,234". */
export function formatCount(value: number): string {
  return COUNT_FORMAT.format(value);
}
