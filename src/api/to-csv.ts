/** A CSV cell's value: text from the tenant, or a figure Headroom computed. */
export type CsvValue = string | number | boolean | null;

/** First characters that make a spreadsheet read a text cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

function cellOf(value: CsvValue): string {
  if (value === null) {
    return '';
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    // Figures are numbers Headroom computed: "-4" is a number to a spreadsheet, not a formula.
    return String(value);
  }
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * RFC 4180 CSV: a header row of `columns`, one row per record, CRLF line ends, fields with quotes,
 * commas, line breaks or edge spaces quoted (quotes doubled). Text that would start a formula (`=`,
 * `+`, `-`, `@`, tab, CR) gets a leading apostrophe, so a tenant-controlled name cannot run in Excel.
 */
export function toCsv(columns: readonly string[], records: readonly Readonly<Record<string, CsvValue>>[]): string {
  const lines = [columns.map((column) => cellOf(column)).join(',')];
  for (const record of records) {
    lines.push(columns.map((column) => cellOf(record[column] ?? null)).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
