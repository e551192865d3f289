import type { BenchFigure } from './bench-figure';

/** The figures as one plain-text table: figure, value, target, met?. */
export function formatTable(figures: readonly BenchFigure[]): string {
  const rows = figures.map((figure) => [`${figure.section}: ${figure.figure}`, formatValue(figure.value, figure.unit), figure.target === '' ? '' : `${figure.target}${unitSuffix(figure.unit)}`, metText(figure.met)]);
  const header = ['figure', 'value', 'target', 'met?'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((cell, column) => (column === 1 ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0))).join('  ').trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

/** The figures as a Markdown table, for docs/benchmarks.md. */
export function formatMarkdownTable(figures: readonly BenchFigure[]): string {
  const rows = figures.map((figure) => `| ${figure.section}: ${figure.figure} | ${formatValue(figure.value, figure.unit)} | ${figure.target === '' ? '' : `${figure.target}${unitSuffix(figure.unit)}`} | ${metText(figure.met)} |`);
  return ['| figure | value | target | met? |', '|---|---:|---|---|', ...rows].join('\n');
}

export function formatValue(value: number, unit: string): string {
  const digits = Number.isInteger(value) ? 0 : Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  const number = value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return `${number}${unitSuffix(unit)}`;
}

function unitSuffix(unit: string): string {
  if (unit === '') {
    return '';
  }
  return unit === 'x' || unit === '%' || unit === '/s' ? unit : ` ${unit}`;
}

function metText(met: boolean | null): string {
  if (met === null) {
    return '';
  }
  return met ? 'yes' : 'NO';
}
