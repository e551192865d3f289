/**
 * Generates src/licenses/product-names.json from Microsoft's "Product names and service plan
 * identifiers for licensing" CSV. Usage: `npm run generate:products [-- path/to/table.csv]`.
 *
 * The table has one row per product and service plan; Headroom needs one entry per product GUID:
 * `{ "<guid lowercase>": ["<display name>", "<String_Id part number>"] }`, sorted by GUID.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The product table as written to product-names.json: GUID -> [display name, part number]. */
export type ProductTable = Record<string, [displayName: string, partNumber: string]>;

/** What one generation found, for the summary line and the tests. */
export interface ProductTableBuild {
  table: ProductTable;
  rows: number;
  /** Rows without a usable GUID, skipped. */
  skippedRows: number;
  /** GUIDs seen with more than one display name or part number (the first by ordinal order is kept). */
  conflicts: { guid: string; names: string[] }[];
}

const DEFAULT_INPUT = path.resolve(__dirname, '../data/product-names-and-service-plans.csv');
const OUTPUT = path.resolve(__dirname, '../src/licenses/product-names.json');
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Parses RFC 4180 CSV: fields may be quoted, quoted fields may hold commas, line breaks and doubled
 * quotes; records end in LF or CRLF; a leading byte-order mark is dropped. A final line break does
 * not start an empty record. Throws on a quote left open at the end of the text.
 */
export function parseCsv(text: string): string[][] {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let inQuotes = false;
  // True once the current record has any content, so a trailing newline adds no empty record.
  let recordStarted = false;

  for (let i = 0; i < input.length; i += 1) {
    const ch = input[i];
    if (inQuotes) {
      if (ch === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i += 1;
        } else {
          inQuotes = false;
        }
      } else {
        field += ch;
      }
      continue;
    }
    if (ch === '"') {
      inQuotes = true;
      recordStarted = true;
    } else if (ch === ',') {
      record.push(field);
      field = '';
      recordStarted = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && input[i + 1] === '\n') {
        i += 1;
      }
      if (recordStarted || field !== '') {
        record.push(field);
        records.push(record);
      }
      record = [];
      field = '';
      recordStarted = false;
    } else {
      field += ch;
      recordStarted = true;
    }
  }
  if (inQuotes) {
    throw new Error('CSV ends inside a quoted field');
  }
  if (recordStarted || field !== '') {
    record.push(field);
    records.push(record);
  }
  return records;
}

function cleanName(value: string): string {
  return value.trim().replace(/\s+/g, ' ');
}

function compareOrdinal(a: string, b: string): number {
  if (a < b) {
    return -1;
  }
  return a > b ? 1 : 0;
}

/**
 * Reduces the parsed CSV (header row first) to one entry per product GUID. Values are trimmed
 * (the table carries stray spaces, tabs and non-breaking spaces) and GUIDs lower-cased.
 *
 * Where one GUID carries two display names (a renamed product), the ordinally smallest name is kept,
 * so the result does not depend on row order. In the current table this keeps the new
 * "Microsoft Copilot Studio ..." names over the retired "Power Virtual Agent(s) ..." ones.
 */
export function buildProductTable(records: readonly (readonly string[])[]): ProductTableBuild {
  const [header, ...rows] = records;
  if (header === undefined) {
    throw new Error('CSV is empty');
  }
  const columns = header.map((name) => name.trim());
  const index = (name: 'Product_Display_Name' | 'String_Id' | 'GUID'): number => {
    const at = columns.indexOf(name);
    if (at < 0) {
      throw new Error(`CSV has no ${name} column (columns: ${columns.join(', ')})`);
    }
    return at;
  };
  const nameAt = index('Product_Display_Name');
  const partAt = index('String_Id');
  const guidAt = index('GUID');

  const seen = new Map<string, Set<string>>();
  const chosen = new Map<string, [string, string]>();
  let skippedRows = 0;
  for (const row of rows) {
    const guid = (row[guidAt] ?? '').trim().toLowerCase();
    const name = cleanName(row[nameAt] ?? '');
    const part = (row[partAt] ?? '').trim();
    if (!GUID.test(guid) || name === '') {
      skippedRows += 1;
      continue;
    }
    const variants = seen.get(guid) ?? new Set<string>();
    variants.add(`${name} | ${part}`);
    seen.set(guid, variants);
    const current = chosen.get(guid);
    if (current === undefined || compareOrdinal(name, current[0]) < 0 || (name === current[0] && compareOrdinal(part, current[1]) < 0)) {
      chosen.set(guid, [name, part]);
    }
  }

  const table: ProductTable = {};
  for (const guid of [...chosen.keys()].sort(compareOrdinal)) {
    const entry = chosen.get(guid);
    if (entry !== undefined) {
      table[guid] = entry;
    }
  }
  const conflicts = [...seen.entries()]
    .filter(([, variants]) => variants.size > 1)
    .map(([guid, variants]) => ({ guid, names: [...variants].sort(compareOrdinal) }))
    .sort((a, b) => compareOrdinal(a.guid, b.guid));
  return { table, rows: rows.length, skippedRows, conflicts };
}

/** Serialises the table one product per line: small, sorted, and readable in a diff. */
export function formatProductTable(table: ProductTable): string {
  const lines = Object.entries(table).map(([guid, entry]) => `${JSON.stringify(guid)}:${JSON.stringify(entry)}`);
  return `{\n${lines.join(',\n')}\n}\n`;
}

function main(argv: readonly string[]): void {
  const input = path.resolve(argv[2] ?? DEFAULT_INPUT);
  const build = buildProductTable(parseCsv(readFileSync(input, 'utf8')));
  writeFileSync(OUTPUT, formatProductTable(build.table));
  const lines = [
    `read ${build.rows} rows from ${input}`,
    `wrote ${Object.keys(build.table).length} products to ${path.relative(process.cwd(), OUTPUT)}`,
  ];
  if (build.skippedRows > 0) {
    lines.push(`skipped ${build.skippedRows} rows without a GUID or name`);
  }
  for (const conflict of build.conflicts) {
    lines.push(`${conflict.guid} has ${conflict.names.length} names, kept the first: ${conflict.names.join(' / ')}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

if (require.main === module) {
  main(process.argv);
}
